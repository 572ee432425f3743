package compactqa.train;

import java.util.Random;
import java.util.function.Predicate;

import compactqa.model.CompacterWeights;
import compactqa.model.EncoderConfig;
import compactqa.model.Tensor;

/**
 * Adds Compacter adapters ({@link CompacterWeights}) to a model for parameter-efficient training:
 * the backbone stays frozen, and only the adapters, the shared slow matrices, the task heads and the
 * LayerNorms learn. Each adapter starts as the identity (its up projection's fast factor {@code s}
 * is zero), so training starts from the backbone's own function.
 */
final class Compacter {

    private Compacter() {
    }

    /** What trains in adapter mode. */
    static final Predicate<String> TRAINABLE = name -> name.contains(".adapter.") || name.startsWith("adapter.")
            || name.startsWith("heads.") || name.contains("LayerNorm");

    /**
     * Adds {@code n} slow matrices per projection kind and an adapter of width {@code bottleneck} after
     * the attention and feed-forward outputs of every layer.
     */
    static void add(ModelParameters params, int n, int bottleneck, long seed) {
        EncoderConfig c = params.config();
        if (c.hidden() % n != 0 || bottleneck % n != 0) {
            throw new IllegalArgumentException("the hidden size " + c.hidden() + " and the bottleneck " + bottleneck
                    + " must be multiples of n = " + n);
        }
        Random random = new Random(seed);
        // W = Σ A ⊗ s·tᵀ has entries of variance n·σ_A²·σ_s²·σ_t²: 1 · 0.1⁴ · 4 ≈ 0.02², BERT's scale
        double fast = Math.pow(0.02 * 0.02 / n, 0.25);
        for (String projection : CompacterWeights.PROJECTIONS) {
            params.put(CompacterWeights.slow(projection), gaussian(random, 1.0, n, n, n));
        }
        for (int l = 0; l < c.layers(); l++) {
            for (String position : CompacterWeights.POSITIONS) {
                String a = CompacterWeights.adapter(l, position);
                params.put(a + ".down.s", gaussian(random, fast, n, bottleneck / n));
                params.put(a + ".down.t", gaussian(random, fast, n, c.hidden() / n));
                params.put(a + ".down.bias", Tensor.ofFloats(new long[] {bottleneck}, new float[bottleneck]));
                params.put(a + ".up.s", Tensor.ofFloats(new long[] {n, c.hidden() / n}, new float[c.hidden()]));
                params.put(a + ".up.t", gaussian(random, fast, n, bottleneck / n));
                params.put(a + ".up.bias", Tensor.ofFloats(new long[] {c.hidden()}, new float[c.hidden()]));
            }
        }
    }

    private static Tensor gaussian(Random random, double std, long... shape) {
        int size = 1;
        for (long d : shape) {
            size *= (int) d;
        }
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return Tensor.ofFloats(shape, v);
    }
}
