package compactqa.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ternary and binary weights (after XTC, Wu et al., 2022): each row of a matrix as codes in
 * {@code {-1, 0, 1}} (ternary) or {@code {-1, 1}} (binary) times one scale. Ternary follows TWN: a
 * row's threshold is 0.7 of its mean absolute value, its scale the mean absolute value above it;
 * binary's scale is the row's mean absolute value.
 *
 * <p>On disk the codes are packed, 4 per byte (2 bits) or 8 per byte (1 bit), as
 * {@code <name>.t2} / {@code <name>.b1} with {@code <name>.t2_scale} / {@code <name>.b1_scale};
 * {@link #expand} turns them into the int8 forms ONNX Runtime runs ({@code .q8}, {@code .q8_scale}),
 * so on disk they cost 2 or 1 bits and in memory 8.
 */
public final class TernaryWeights {

    /** Share of a row's mean absolute value below which a ternary code is 0. */
    public static final double THRESHOLD = 0.7;

    private TernaryWeights() {
    }

    /**
     * Codes and scales of a matrix.
     *
     * @param codes {@code [rows, cols]} row-major, each -1, 0 or 1
     */
    public record Quantized(byte[] codes, float[] scales, int rows, int cols, int bits) {
    }

    /** The codes of {@code w [rows, cols]} at {@code bits} (2: ternary, 1: binary). */
    public static Quantized quantize(float[] w, int rows, int cols, int bits) {
        if (bits != 1 && bits != 2) {
            throw new IllegalArgumentException("bits must be 1 (binary) or 2 (ternary), got " + bits);
        }
        byte[] codes = new byte[rows * cols];
        float[] scales = new float[rows];
        for (int r = 0; r < rows; r++) {
            double absSum = 0;
            for (int c = 0; c < cols; c++) {
                absSum += Math.abs(w[r * cols + c]);
            }
            double mean = absSum / cols;
            if (bits == 1) {
                scales[r] = (float) mean;
                for (int c = 0; c < cols; c++) {
                    codes[r * cols + c] = (byte) (w[r * cols + c] >= 0 ? 1 : -1);
                }
                continue;
            }
            double delta = THRESHOLD * mean;
            double kept = 0;
            int count = 0;
            for (int c = 0; c < cols; c++) {
                float v = w[r * cols + c];
                if (Math.abs(v) > delta) {
                    codes[r * cols + c] = (byte) (v > 0 ? 1 : -1);
                    kept += Math.abs(v);
                    count++;
                }
            }
            scales[r] = count == 0 ? 0 : (float) (kept / count);
        }
        return new Quantized(codes, scales, rows, cols, bits);
    }

    /** The dequantized matrix, row-major. */
    public static float[] dequantize(Quantized q) {
        float[] w = new float[q.rows() * q.cols()];
        for (int r = 0; r < q.rows(); r++) {
            for (int c = 0; c < q.cols(); c++) {
                w[r * q.cols() + c] = q.codes()[r * q.cols() + c] * q.scales()[r];
            }
        }
        return w;
    }

    /** The suffix of the packed codes at {@code bits}. */
    public static String suffix(int bits) {
        return bits == 2 ? ".t2" : ".b1";
    }

    /** The packed codes {@code uint8 [rows, cols·bits/8]} and the scales {@code [rows]}, as tensors. */
    public static Map<String, Tensor> pack(String name, Quantized q) {
        int perByte = 8 / q.bits();
        if (q.cols() % perByte != 0) {
            throw new IllegalArgumentException(name + ": " + q.cols() + " columns do not pack " + perByte + " to a byte");
        }
        int width = q.cols() / perByte;
        byte[] packed = new byte[q.rows() * width];
        for (int r = 0; r < q.rows(); r++) {
            for (int c = 0; c < q.cols(); c++) {
                int code = q.codes()[r * q.cols() + c];
                int bits = q.bits() == 2 ? code + 1 : (code > 0 ? 1 : 0);
                int at = r * width + c / perByte;
                packed[at] = (byte) (packed[at] | bits << (c % perByte) * q.bits());
            }
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put(name + suffix(q.bits()), Tensor.of(DType.U8, new long[] {q.rows(), width}, java.nio.ByteBuffer.wrap(packed)));
        out.put(name + suffix(q.bits()) + "_scale", Tensor.ofFloats(new long[] {q.rows()}, q.scales()));
        return out;
    }

    /** The codes packed by {@link #pack}. */
    public static Quantized unpack(Tensor packed, Tensor scales, int bits) {
        int perByte = 8 / bits;
        int rows = (int) packed.dim(0);
        int width = (int) packed.dim(1);
        int cols = width * perByte;
        byte[] p = packed.bytes();
        byte[] codes = new byte[rows * cols];
        int mask = (1 << bits) - 1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int v = p[r * width + c / perByte] >> (c % perByte) * bits & mask;
                codes[r * cols + c] = (byte) (bits == 2 ? v - 1 : v == 1 ? 1 : -1);
            }
        }
        return new Quantized(codes, scales.floats(), rows, cols, bits);
    }

    /**
     * {@code tensors} with every packed matrix turned into the int8 form ONNX Runtime runs: linear
     * weights as {@code .weight.q8 [in, out]} with per-output scales, the word embeddings as int8
     * rows ({@code .q8}, {@code .q8_scale}).
     */
    public static Map<String, Tensor> expand(Map<String, Tensor> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            int bits = name.endsWith(".t2") ? 2 : name.endsWith(".b1") ? 1 : 0;
            if (name.endsWith("_scale") && (name.endsWith(".t2_scale") || name.endsWith(".b1_scale"))) {
                continue;
            }
            if (bits == 0) {
                out.put(name, e.getValue());
                continue;
            }
            String base = name.substring(0, name.length() - 3);
            Tensor scales = tensors.get(name + "_scale");
            Quantized q = unpack(e.getValue(), scales, bits);
            if (base.equals(BertNames.WORD_EMBEDDINGS)) {
                out.put(base + ".q8", Tensor.of(DType.I8, new long[] {q.rows(), q.cols()}, java.nio.ByteBuffer.wrap(q.codes())));
                out.put(base + ".q8_scale", scales);
            } else {
                // Int8DynamicLinear takes codes [in, out]
                byte[] transposed = new byte[q.codes().length];
                for (int r = 0; r < q.rows(); r++) {
                    for (int c = 0; c < q.cols(); c++) {
                        transposed[c * q.rows() + r] = q.codes()[r * q.cols() + c];
                    }
                }
                String layer = base.substring(0, base.length() - ".weight".length());
                out.put(layer + Int8DynamicLinear.CODES, Tensor.of(DType.I8, new long[] {q.cols(), q.rows()}, java.nio.ByteBuffer.wrap(transposed)));
                out.put(layer + Int8DynamicLinear.SCALES, scales);
            }
        }
        return out;
    }
}
