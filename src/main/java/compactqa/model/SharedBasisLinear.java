package compactqa.model;

import java.util.List;

/**
 * A linear layer whose weight is per-layer codes times a basis that every layer of the same kind
 * shares, {@code W_l ≈ C_l·B} with {@code C_l [out, r]} and {@code B [r, in]}: what an autoencoder
 * trained on the weights of all layers of one kind leaves (the codes are its encoder's outputs, the
 * basis its linear decoder). Sharing is what pays: six layers hold one basis, so at the parameter
 * count of a rank-{@code k} factorization each layer gets a larger rank.
 *
 * <p>Tensors: {@code <name>.weight.codes}, and the basis {@code encoder.shared.<kind>.basis} where
 * {@code <name>} is {@code encoder.layer.<n>.<kind>}; the bias is kept as it is. The graph holds the
 * basis once. Stateless.
 */
public final class SharedBasisLinear implements LinearForm {

    public static final SharedBasisLinear INSTANCE = new SharedBasisLinear();
    /** Suffix of a layer's codes {@code [out, r]}. */
    public static final String CODES = ".weight.codes";

    private SharedBasisLinear() {
    }

    /** The name of the basis shared by the layers of kind {@code kind} (for example {@code attention.self.query}). */
    public static String basis(String kind) {
        return "encoder.shared." + kind + ".basis";
    }

    /** The kind of layer {@code name}: what follows {@code encoder.layer.<n>.}. */
    public static String kind(String name) {
        String prefix = "encoder.layer.";
        if (!name.startsWith(prefix) || name.indexOf('.', prefix.length()) < 0) {
            throw new IllegalArgumentException(name + " is not a transformer layer's linear layer");
        }
        return name.substring(name.indexOf('.', prefix.length()) + 1);
    }

    @Override
    public String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input) {
        String basisName = basis(kind(name));
        Tensor codes = checkpoint.tensor(name + CODES);
        Tensor basis = checkpoint.tensor(basisName);
        if (codes.rank() != 2 || basis.rank() != 2 || codes.dim(1) != basis.dim(0)) {
            throw new IllegalStateException(name + " has codes " + codes + " and basis " + basis + ", which do not chain");
        }
        String down = graph.node("MatMul", name + "/basis", List.of(input, graph.initializer(basisName + "_t", basis.transposed())));
        String up = graph.node("MatMul", name + "/codes", List.of(down, graph.initializer(name + ".codes_t", codes.transposed())));
        return graph.node("Add", name + "/Add", List.of(up, graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"))));
    }
}
