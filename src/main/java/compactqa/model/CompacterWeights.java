package compactqa.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compacter adapters (Mahabadi et al., 2021) as a checkpoint holds them: after a layer's attention
 * output and after its feed-forward output, {@code h + up(GELU(down(h)))}, each projection weight a
 * sum of Kronecker products {@code W = Σᵢ Aᵢ ⊗ (sᵢ·tᵢᵀ)} of {@code n} "slow" matrices
 * {@code Aᵢ [n, n]} shared by every adapter ({@code adapter.slow.down}, {@code adapter.slow.up},
 * {@code [n, n, n]}) and rank-one "fast" factors per adapter ({@code <adapter>.<proj>.s [n, rows/n]},
 * {@code .t [n, cols/n]}), plus a bias. {@link #expand} turns the factors into the dense
 * projections the exporter writes ({@code <adapter>.down.weight [d, hidden]}, {@code .up.weight
 * [hidden, d]}).
 */
public final class CompacterWeights {

    /** Where adapters sit in a layer. */
    public static final String[] POSITIONS = {"attention", "output"};
    /** The two projections of an adapter. */
    public static final String[] PROJECTIONS = {"down", "up"};

    private CompacterWeights() {
    }

    /** The prefix of the adapter at {@code position} of layer {@code layer}: {@code encoder.layer.<l>.adapter.<position>}. */
    public static String adapter(int layer, String position) {
        return BertNames.layer(layer, "adapter." + position);
    }

    /** The shared slow matrices of projection {@code projection}. */
    public static String slow(String projection) {
        return "adapter.slow." + projection;
    }

    /** {@code Σᵢ Aᵢ ⊗ (sᵢ·tᵢᵀ)} as a row-major {@code [n·r, n·c]} matrix. */
    public static Tensor compose(Tensor slow, Tensor s, Tensor t) {
        int n = (int) slow.dim(0);
        int r = (int) s.dim(1);
        int c = (int) t.dim(1);
        float[] a = slow.floats();
        float[] sv = s.floats();
        float[] tv = t.floats();
        float[] w = new float[n * r * n * c];
        for (int i = 0; i < n; i++) {
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    float aij = a[(i * n + x) * n + y];
                    for (int p = 0; p < r; p++) {
                        float ap = aij * sv[i * r + p];
                        for (int q = 0; q < c; q++) {
                            w[(x * r + p) * n * c + y * c + q] += ap * tv[i * c + q];
                        }
                    }
                }
            }
        }
        return Tensor.ofFloats(new long[] {(long) n * r, (long) n * c}, w);
    }

    /** {@code tensors} with every adapter's factors composed into dense {@code .weight}s, the slow matrices dropped. */
    public static Map<String, Tensor> expand(Map<String, Tensor> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            if (name.startsWith("adapter.slow.")) {
                return;
            }
            if (name.contains(".adapter.") && name.endsWith(".s")) {
                String projection = name.substring(0, name.length() - 2);
                String kind = projection.substring(projection.lastIndexOf('.') + 1);
                out.put(projection + ".weight", compose(tensors.get(slow(kind)), t, tensors.get(projection + ".t")));
                return;
            }
            if (!(name.contains(".adapter.") && name.endsWith(".t"))) {
                out.put(name, t);
            }
        });
        return out;
    }

    /** Whether {@code checkpoint} holds an adapter at {@code prefix} (dense, as after {@link #expand}). */
    public static boolean has(Checkpoint checkpoint, String prefix) {
        return checkpoint.has(prefix + ".down.weight");
    }
}
