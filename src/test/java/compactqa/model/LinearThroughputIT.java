package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One linear layer on the real ONNX Runtime, in the forms the exported reader uses. */
class LinearThroughputIT {

    @Test
    void int8ComputesTheSameProductAsFp32() throws Exception {
        try (LinearThroughput fp32 = LinearThroughput.open(Precision.FP32, 16, 128, 96, 1, 7);
             LinearThroughput int8 = LinearThroughput.open(Precision.INT8, 16, 128, 96, 1, 7);
             LinearThroughput other = LinearThroughput.open(Precision.FP32, 16, 128, 96, 1, 8)) {
            assertEquals(2.0 * 16 * 128 * 96, fp32.operations());
            float[] a = fp32.output();
            assertEquals(16 * 96, a.length);
            assertTrue(int8.agreement(fp32) > 0.99, "int8 approximates fp32: " + int8.agreement(fp32));
            assertTrue(Math.abs(HiddenStates.cosine(a, other.output())) < 0.5, "another seed is another product");
            int8.run();
        }
    }

    @Test
    void emptyShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LinearThroughput.open(Precision.FP32, 0, 8, 8, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> LinearThroughput.open(Precision.INT8, 8, 8, 8, 0, 1));
    }
}
