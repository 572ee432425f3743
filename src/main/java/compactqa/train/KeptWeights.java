package compactqa.train;

import java.util.LinkedHashMap;
import java.util.Map;

import compactqa.model.DType;
import compactqa.model.Tensor;

/**
 * The weights of a kept checkpoint in the form a repository can hold: each matrix as int8 with one
 * fp32 scale per row ({@code <name>.row_scale}), everything else in half precision; about a quarter
 * of the fp32 size. The rounding (at most half a step of a row's largest weight / 127) is a few
 * optimizer steps' worth of change, and training goes on from it: a fallback for a lost work folder,
 * not a substitute for its full-precision checkpoints.
 */
final class KeptWeights {

    static final String ROW_SCALE = ".row_scale";

    private KeptWeights() {
    }

    static Map<String, Tensor> encode(Map<String, Tensor> weights) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        weights.forEach((name, t) -> {
            if (t.dtype() != DType.F32) {
                out.put(name, t);
            } else if (t.rank() == 2) {
                int rows = (int) t.dim(0);
                int cols = (int) t.dim(1);
                float[] w = t.floats();
                byte[] q = new byte[w.length];
                float[] scales = new float[rows];
                for (int r = 0; r < rows; r++) {
                    float max = 0;
                    for (int c = 0; c < cols; c++) {
                        max = Math.max(max, Math.abs(w[r * cols + c]));
                    }
                    scales[r] = max == 0 ? 1 : max / 127f;
                    for (int c = 0; c < cols; c++) {
                        q[r * cols + c] = (byte) Math.round(w[r * cols + c] / scales[r]);
                    }
                }
                out.put(name, Tensor.ofBytes(t.shape(), q));
                out.put(name + ROW_SCALE, Tensor.ofFloats(new long[] {rows}, scales));
            } else {
                out.put(name, t.toF16());
            }
        });
        return out;
    }

    static Map<String, Tensor> decode(Map<String, Tensor> kept) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        kept.forEach((name, t) -> {
            if (name.endsWith(ROW_SCALE)) {
                return;
            }
            Tensor scale = kept.get(name + ROW_SCALE);
            if (t.dtype() == DType.I8 && scale != null) {
                byte[] q = t.bytes();
                float[] s = scale.floats();
                int cols = (int) t.dim(1);
                float[] w = new float[q.length];
                for (int i = 0; i < q.length; i++) {
                    w[i] = q[i] * s[i / cols];
                }
                out.put(name, Tensor.ofFloats(t.shape(), w));
            } else if (t.dtype() == DType.F16) {
                out.put(name, Tensor.ofFloats(t.shape(), t.floats()));
            } else {
                out.put(name, t);
            }
        });
        return out;
    }
}
