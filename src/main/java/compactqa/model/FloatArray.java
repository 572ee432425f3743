package compactqa.model;

import java.util.Arrays;

/**
 * A dense float array with a shape, copied out of ONNX Runtime so that no native memory outlives
 * the call that produced it. The arrays are shared, not copied again: treat them as read-only.
 */
public record FloatArray(long[] shape, float[] data) {

    public FloatArray {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
    }

    /** Element {@code [i, j]} of a 2-D array. */
    public float get(int i, int j) {
        return data[(int) (i * shape[1] + j)];
    }

    /** Element {@code [i, j, k]} of a 3-D array. */
    public float get(int i, int j, int k) {
        return data[(int) ((i * shape[1] + j) * shape[2] + k)];
    }

    /** The vector {@code [i, j, :]} of a 3-D array. */
    public float[] vector(int i, int j) {
        int size = (int) shape[2];
        int from = (int) ((i * shape[1] + j) * size);
        return Arrays.copyOfRange(data, from, from + size);
    }
}
