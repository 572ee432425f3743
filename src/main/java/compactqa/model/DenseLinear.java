package compactqa.model;

import java.util.List;

/**
 * The plain form of a linear layer: {@code MatMul} by the transposed fp32 weight
 * ({@code name.weight}, stored {@code [out, in]}) and {@code Add} of the bias ({@code name.bias}),
 * as PyTorch exports it. Weights and biases in fp16 are widened to fp32.
 */
public final class DenseLinear implements LinearForm {

    public static final DenseLinear INSTANCE = new DenseLinear();

    private DenseLinear() {
    }

    @Override
    public String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input) {
        Tensor weight = checkpoint.tensor(name + ".weight");
        String w = graph.initializer(name + ".weight_t", weight.transposed());
        String product = graph.node("MatMul", name + "/MatMul", List.of(input, w));
        String bias = graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"));
        return graph.node("Add", name + "/Add", List.of(product, bias));
    }
}
