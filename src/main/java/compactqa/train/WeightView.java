package compactqa.train;

import ai.djl.ndarray.NDArray;

/**
 * What the forward pass sees of a weight: the weight itself, or a transformed copy through which
 * gradients still reach it, such as the quantized weight of quantization-aware training.
 */
@FunctionalInterface
public interface WeightView {

    /** Weights as they are. */
    WeightView PLAIN = (name, weight) -> weight;

    /**
     * @param name   the weight's parameter name, e.g. {@code encoder.layer.0.attention.self.query.weight}
     * @param weight its array
     */
    NDArray view(String name, NDArray weight);
}
