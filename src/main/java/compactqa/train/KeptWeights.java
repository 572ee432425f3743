package compactqa.train;

import java.util.LinkedHashMap;
import java.util.Map;

import compactqa.model.DType;
import compactqa.model.RowQuantization;
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
                RowQuantization.Rows rows = RowQuantization.int8(t);
                out.put(name, rows.codes());
                out.put(name + ROW_SCALE, rows.scales());
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
                out.put(name, new RowQuantization.Rows(t, scale).dequantized());
            } else if (t.dtype() == DType.F16) {
                out.put(name, Tensor.ofFloats(t.shape(), t.floats()));
            } else {
                out.put(name, t);
            }
        });
        return out;
    }
}
