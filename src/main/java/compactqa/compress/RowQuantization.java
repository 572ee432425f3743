package compactqa.compress;

import compactqa.model.Tensor;

/** Symmetric int8 quantization of a matrix's rows, one scale per row (for embedding tables). */
final class RowQuantization {

    /** Codes {@code int8 [rows, cols]} and scales {@code [rows]}. */
    record Rows(Tensor codes, Tensor scales) {
    }

    private RowQuantization() {
    }

    static Rows int8(Tensor matrix) {
        int rows = (int) matrix.dim(0);
        int cols = (int) matrix.dim(1);
        float[] v = matrix.floats();
        byte[] codes = new byte[v.length];
        float[] scales = new float[rows];
        for (int r = 0; r < rows; r++) {
            float max = 0;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, Math.abs(v[r * cols + c]));
            }
            scales[r] = max == 0 ? 1 : max / 127f;
            for (int c = 0; c < cols; c++) {
                codes[r * cols + c] = (byte) Math.max(-127, Math.min(127, Math.round(v[r * cols + c] / scales[r])));
            }
        }
        return new Rows(Tensor.ofBytes(matrix.shape(), codes), Tensor.ofFloats(new long[] {rows}, scales));
    }
}
