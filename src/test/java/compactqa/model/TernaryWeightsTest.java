package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Ternary and binary codes: the TWN rule by hand, packing, and the int8 forms they expand to. */
class TernaryWeightsTest {

    @Test
    void ternaryCodesFollowTheThresholdAndTheScaleIsTheMeanAboveIt() {
        // mean |w| = (4 + 0.5 + 2 + 1.5) / 4 = 2, threshold 1.4: 4, -2 and 1.5 survive, scale (4 + 2 + 1.5) / 3 = 2.5
        TernaryWeights.Quantized q = TernaryWeights.quantize(new float[] {4f, 0.5f, -2f, 1.5f}, 1, 4, 2);
        assertArrayEquals(new byte[] {1, 0, -1, 1}, q.codes());
        assertEquals(2.5f, q.scales()[0], 1e-6f);
        assertArrayEquals(new float[] {2.5f, 0f, -2.5f, 2.5f}, TernaryWeights.dequantize(q), 1e-6f);
    }

    @Test
    void binaryCodesAreSignsTimesTheMeanAbsoluteValue() {
        TernaryWeights.Quantized q = TernaryWeights.quantize(new float[] {4f, 0f, -2f, 2f, 1f, 1f, -1f, -1f}, 2, 4, 1);
        assertArrayEquals(new byte[] {1, 1, -1, 1, 1, 1, -1, -1}, q.codes());
        assertArrayEquals(new float[] {2f, 1f}, q.scales(), 1e-6f);
    }

    @Test
    void packedCodesUnpackToTheSameCodesAtAQuarterOrAnEighthOfAByte() {
        float[] w = new float[3 * 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i * 1.7) * (i % 5);
        }
        for (int bits : new int[] {1, 2}) {
            TernaryWeights.Quantized q = TernaryWeights.quantize(w, 3, 16, bits);
            Map<String, Tensor> packed = TernaryWeights.pack("x.weight", q);
            Tensor codes = packed.get("x.weight" + TernaryWeights.suffix(bits));
            assertEquals(3L * 16 * bits / 8, codes.byteSize(), "bits per code: " + bits);
            TernaryWeights.Quantized back = TernaryWeights.unpack(codes, packed.get("x.weight" + TernaryWeights.suffix(bits) + "_scale"), bits);
            assertArrayEquals(q.codes(), back.codes());
        }
    }

    @Test
    void packedLayersExpandToInt8CodesInTheLayoutTheRuntimeTakes() {
        float[] w = {4f, 0.5f, -2f, 1.5f, -1f, -1f, 1f, 0.1f};
        TernaryWeights.Quantized q = TernaryWeights.quantize(w, 2, 4, 2);
        Map<String, Tensor> tensors = new LinkedHashMap<>(TernaryWeights.pack("encoder.layer.0.output.dense.weight", q));
        Map<String, Tensor> expanded = TernaryWeights.expand(tensors);
        Tensor codes = expanded.get("encoder.layer.0.output.dense" + Int8DynamicLinear.CODES); // [in, out]
        assertArrayEquals(new long[] {4, 2}, codes.shape());
        byte[] c = codes.bytes();
        for (int r = 0; r < 2; r++) {
            for (int i = 0; i < 4; i++) {
                assertEquals(q.codes()[r * 4 + i], c[i * 2 + r]);
            }
        }
        assertArrayEquals(q.scales(), expanded.get("encoder.layer.0.output.dense" + Int8DynamicLinear.SCALES).floats(), 0f);
    }
}
