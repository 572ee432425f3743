package compactqa.model;

/** Symmetric int8 quantization of a matrix's rows, one scale per row (embedding tables, kept checkpoints). */
public final class RowQuantization {

    /** Codes {@code int8 [rows, cols]} and scales {@code [rows]}. */
    public record Rows(Tensor codes, Tensor scales) {

        /** The matrix the codes stand for, in fp32: each code times its row's scale. */
        public Tensor dequantized() {
            byte[] q = codes.bytes();
            float[] s = scales.floats();
            int cols = (int) codes.dim(1);
            float[] w = new float[q.length];
            for (int i = 0; i < q.length; i++) {
                w[i] = q[i] * s[i / cols];
            }
            return Tensor.ofFloats(codes.shape(), w);
        }
    }

    private RowQuantization() {
    }

    public static Rows int8(Tensor matrix) {
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
