package compactqa.model;

import java.util.List;

/**
 * A linear layer whose weight is a product of two thin factors, {@code W ≈ U·V} with {@code U}
 * {@code [out, r]} and {@code V} {@code [r, in]}: two small products instead of one large one,
 * {@code r·(in + out)} parameters instead of {@code in·out}. The factors are the tensors
 * {@code <name>.weight.u} and {@code <name>.weight.v}; the bias is kept as it is. Stateless.
 */
public final class LowRankLinear implements LinearForm {

    public static final LowRankLinear INSTANCE = new LowRankLinear();
    /** Suffix of the left factor {@code [out, r]}. */
    public static final String U = ".weight.u";
    /** Suffix of the right factor {@code [r, in]}. */
    public static final String V = ".weight.v";

    private LowRankLinear() {
    }

    @Override
    public String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input) {
        Tensor u = checkpoint.tensor(name + U);
        Tensor v = checkpoint.tensor(name + V);
        if (u.rank() != 2 || v.rank() != 2 || u.dim(1) != v.dim(0)) {
            throw new IllegalStateException(name + " has factors of shapes " + u + " and " + v + ", which do not chain");
        }
        String down = graph.node("MatMul", name + "/v", List.of(input, graph.initializer(name + ".v_t", v.transposed())));
        String up = graph.node("MatMul", name + "/u", List.of(down, graph.initializer(name + ".u_t", u.transposed())));
        return graph.node("Add", name + "/Add", List.of(up, graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"))));
    }
}
