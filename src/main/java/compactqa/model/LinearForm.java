package compactqa.model;

/**
 * How one linear layer {@code y = x·Wᵀ + b} is written into an exported graph. Dense fp32 is the
 * plain form; compression methods add others (low-rank factors, matrix product operators, int8,
 * int4, ternary) that read their own tensors from the checkpoint, so the rest of the exporter never
 * changes.
 */
public interface LinearForm {

    /**
     * Emits the nodes of the linear layer {@code name} (for example
     * {@code encoder.layer.0.attention.self.query}) applied to the value {@code input}, whose last
     * dimension is the layer's input size.
     *
     * @return the name of the output value, with the layer's output size as last dimension
     */
    String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input);
}
