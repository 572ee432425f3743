package compactqa.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import compactqa.model.BertNames;
import compactqa.model.TernaryWeights;

/**
 * Quantization-aware training at 2 or 1 bits (XTC): the forward pass sees each transformer linear
 * weight and the word embeddings as {@link TernaryWeights} compute them, row by row, and the
 * gradient reaches the full-precision weights unchanged (straight-through estimator:
 * {@code w + stopgrad(q(w) − w)}). Heads, biases and norms stay in full precision.
 */
final class TernaryView implements WeightView {

    private final int bits;

    TernaryView(int bits) {
        if (bits != 1 && bits != 2) {
            throw new IllegalArgumentException("bits must be 1 or 2, got " + bits);
        }
        this.bits = bits;
    }

    /** Whether the weight {@code name} is quantized. */
    static boolean quantized(String name) {
        return name.equals(BertNames.WORD_EMBEDDINGS) || name.startsWith("encoder.layer.") && name.endsWith(".weight")
                && !name.contains("LayerNorm");
    }

    @Override
    public NDArray view(String name, NDArray w) {
        if (!quantized(name)) {
            return w;
        }
        NDArray abs = w.abs();
        NDArray mean = abs.mean(new int[] {1}, true);
        NDArray q;
        if (bits == 1) {
            q = w.gte(0).toType(DataType.FLOAT32, false).mul(2).sub(1).mul(mean);
        } else {
            NDArray keep = abs.gt(mean.mul((float) TernaryWeights.THRESHOLD)).toType(DataType.FLOAT32, false);
            NDArray scale = abs.mul(keep).sum(new int[] {1}, true).div(keep.sum(new int[] {1}, true).maximum(1f));
            q = w.sign().mul(keep).mul(scale);
        }
        return w.add(q.sub(w).stopGradient());
    }
}
