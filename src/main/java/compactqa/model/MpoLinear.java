package compactqa.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A linear layer whose weight is a matrix product operator (after CompactifAI): with
 * {@code out = o₀·o₁·…} and {@code in = i₀·i₁·…}, the weight as a chain of small cores
 * {@code C_k [χ_k, o_k, i_k, χ_{k+1}]} (bond dimensions χ, the outer ones 1), contracted with the
 * input core by core, so the full matrix is never formed. Tensors: {@code <name>.weight.mpo0},
 * {@code <name>.weight.mpo1}, …; the bias is kept as it is. Stateless.
 */
public final class MpoLinear implements LinearForm {

    public static final MpoLinear INSTANCE = new MpoLinear();

    private MpoLinear() {
    }

    /** The name suffix of core {@code k}. */
    public static String core(int k) {
        return ".weight.mpo" + k;
    }

    /** The cores of layer {@code name}, in order. */
    public static List<Tensor> cores(Checkpoint checkpoint, String name) {
        List<Tensor> cores = new ArrayList<>();
        for (int k = 0; checkpoint.has(name + core(k)); k++) {
            cores.add(checkpoint.tensor(name + core(k)));
        }
        if (cores.isEmpty() || cores.get(0).dim(0) != 1 || cores.get(cores.size() - 1).dim(3) != 1) {
            throw new IllegalStateException(name + " has no chain of cores with outer bonds of 1");
        }
        for (int k = 1; k < cores.size(); k++) {
            if (cores.get(k).dim(0) != cores.get(k - 1).dim(3)) {
                throw new IllegalStateException(name + ": core " + k + " does not continue core " + (k - 1));
            }
        }
        return cores;
    }

    /**
     * Multiplications per input row of contracting the chain core by core: core {@code k} costs
     * {@code o₀…o_{k-1} · i_{k+1}… · χ_k·i_k·o_k·χ_{k+1}}, since the output factors already produced
     * multiply the work of every later core.
     */
    public static long chainCost(List<Tensor> cores) {
        long cost = 0;
        for (int k = 0; k < cores.size(); k++) {
            long before = 1;
            long after = 1;
            for (int j = 0; j < k; j++) {
                before *= cores.get(j).dim(1);
            }
            for (int j = k + 1; j < cores.size(); j++) {
                after *= cores.get(j).dim(2);
            }
            Tensor c = cores.get(k);
            cost += before * after * c.dim(0) * c.dim(1) * c.dim(2) * c.dim(3);
        }
        return cost;
    }

    /**
     * Writes the chain of contractions where it costs fewer multiplications than the dense product
     * {@code out·in}; otherwise the weight the cores stand for, contracted once at export, as a
     * dense product (the cores still save the disk, not the time).
     */
    @Override
    public String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input) {
        List<Tensor> cores = cores(checkpoint, name);
        long denseCost = 1;
        for (Tensor c : cores) {
            denseCost *= c.dim(1) * c.dim(2);
        }
        if (chainCost(cores) >= denseCost) {
            Tensor dense = contract(cores);
            String product = graph.node("MatMul", name + "/mpo_contracted", List.of(input,
                    graph.initializer(name + ".mpo_weight_t", dense.transposed())));
            return graph.node("Add", name + "/Add", List.of(product, graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"))));
        }
        return chain(graph, checkpoint, name, input, cores);
    }

    private static String chain(OnnxGraph graph, Checkpoint checkpoint, String name, String input, List<Tensor> cores) {
        long in = 1;
        long out = 1;
        for (Tensor c : cores) {
            in *= c.dim(2);
            out *= c.dim(1);
        }
        // state [rows, χ_k, rest of the input]; each core turns one input factor into one output factor
        String state = graph.node("Reshape", name + "/mpo_in", List.of(input, graph.longs("mpo_shape", -1, 1, in)));
        long rest = in;
        for (int k = 0; k < cores.size(); k++) {
            Tensor c = cores.get(k);
            long left = c.dim(0);
            long o = c.dim(1);
            long i = c.dim(2);
            long right = c.dim(3);
            rest /= i;
            String grouped = graph.node("Reshape", name + "/mpo_group", List.of(state, graph.longs("mpo_shape", 0, left * i, rest)));
            String moved = graph.node("Transpose", name + "/mpo_move", List.of(grouped), Map.of("perm", new long[] {0, 2, 1}));
            String product = graph.node("MatMul", name + "/mpo_core", List.of(moved,
                    graph.initializer(name + ".mpo" + k + "_matrix", asMatrix(c))));
            String split = graph.node("Reshape", name + "/mpo_split", List.of(product, graph.longs("mpo_shape", 0, rest, o, right)));
            String back = graph.node("Transpose", name + "/mpo_back", List.of(split), Map.of("perm", new long[] {0, 2, 3, 1}));
            state = graph.node("Reshape", name + "/mpo_next", List.of(back, graph.longs("mpo_shape", -1, right, rest)));
        }
        String leading = graph.node("Slice", name + "/mpo_leading", List.of(graph.node("Shape", name + "/mpo_input_shape", List.of(input)),
                graph.longs("mpo_from", 0), graph.longs("mpo_to", -1)));
        String shape = graph.node("Concat", name + "/mpo_out_shape", List.of(leading, graph.longs("mpo_out", out)), Map.of("axis", 0));
        String result = graph.node("Reshape", name + "/mpo_out", List.of(state, shape));
        return graph.node("Add", name + "/Add", List.of(result, graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"))));
    }

    /** Core {@code [χ, o, i, χ']} as the matrix {@code [χ·i, o·χ']} its contraction multiplies by. */
    static Tensor asMatrix(Tensor core) {
        int left = (int) core.dim(0);
        int o = (int) core.dim(1);
        int i = (int) core.dim(2);
        int right = (int) core.dim(3);
        float[] c = core.floats();
        float[] m = new float[left * i * o * right];
        for (int a = 0; a < left; a++) {
            for (int p = 0; p < o; p++) {
                for (int q = 0; q < i; q++) {
                    for (int b = 0; b < right; b++) {
                        m[((a * i + q) * o + p) * right + b] = c[((a * o + p) * i + q) * right + b];
                    }
                }
            }
        }
        return Tensor.ofFloats(new long[] {(long) left * i, (long) o * right}, m);
    }

    /** The weight {@code [out, in]} the cores stand for (for tests and error measurements). */
    public static Tensor contract(List<Tensor> cores) {
        // running product R [O_so_far, I_so_far, χ], row-major
        float[] r = {1f};
        int outSoFar = 1;
        int inSoFar = 1;
        int bond = 1;
        for (Tensor core : cores) {
            int o = (int) core.dim(1);
            int i = (int) core.dim(2);
            int right = (int) core.dim(3);
            float[] c = core.floats();
            float[] next = new float[outSoFar * o * inSoFar * i * right];
            for (int po = 0; po < outSoFar; po++) {
                for (int pi = 0; pi < inSoFar; pi++) {
                    for (int a = 0; a < bond; a++) {
                        float v = r[(po * inSoFar + pi) * bond + a];
                        if (v == 0) {
                            continue;
                        }
                        for (int p = 0; p < o; p++) {
                            for (int q = 0; q < i; q++) {
                                for (int b = 0; b < right; b++) {
                                    next[(((po * o + p) * inSoFar + pi) * i + q) * right + b] += v * c[((a * o + p) * i + q) * right + b];
                                }
                            }
                        }
                    }
                }
            }
            r = next;
            outSoFar *= o;
            inSoFar *= i;
            bond = right;
        }
        return Tensor.ofFloats(new long[] {outSoFar, inSoFar}, r);
    }
}
