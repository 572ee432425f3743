package compactqa.compress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import compactqa.model.Checkpoint;
import compactqa.model.MpoLinear;
import compactqa.model.Tensor;

/**
 * Tensor-network compression after CompactifAI (Tomut et al., 2024): each selected linear layer as a
 * matrix product operator. The weight {@code [out, in]} is reshaped into a tensor with one output
 * and one input index per core ({@code out = o₀·o₁·…}, {@code in = i₀·i₁·…}, balanced factors),
 * and cut into cores by sequential truncated SVDs that keep at most χ singular values at each bond.
 *
 * <p>χ is chosen per layer: every layer gets a ladder of bond dimensions with their parameter
 * counts and errors (the relative error of the layer's output for the calibration inputs, where
 * those were measured), and a measured sensitivity (how far the whole model's hidden states move
 * when that layer alone is decomposed at the uniform χ, per unit of the layer's own error). The
 * budget, a share of the layers' parameters, is then spent greedily where it buys the most
 * sensitivity-weighted error. Without a drift probe every layer counts alike.
 */
public final class MpoDecomposition implements CompressionMethod {

    /** Bond dimensions tried per layer, at most. */
    static final int LADDER = 24;

    private final double ratio;
    private final int cores;
    private final LayerSelection selection;

    /**
     * @param ratio share of the selected layers' parameters the cores may hold, in (0, 1)
     * @param cores cores per layer, at least 2
     */
    public MpoDecomposition(double ratio, int cores, String keep) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("the MPO parameter ratio must be in (0, 1), got " + ratio);
        }
        if (cores < 2 || cores > 6) {
            throw new IllegalArgumentException("an MPO needs 2 to 6 cores, got " + cores);
        }
        this.ratio = ratio;
        this.cores = cores;
        this.selection = LayerSelection.keeping(keep);
    }


    @Override
    public String settings() {
        return String.format(Locale.ROOT, "%d cores per layer, bond dimensions for %.2f of the layers' parameters, chosen per layer "
                + "by measured sensitivity", cores, ratio) + selection.describe();
    }

    /**
     * One rung of a layer's ladder: bond dimension χ, what its cores hold and lose (the cores are
     * rebuilt when chosen); χ = {@value #DENSE} is the layer left dense.
     */
    record Rung(int chi, long parameters, double error) {
    }

    /** The χ of the top rung: the layer kept as it is. */
    static final int DENSE = 0;

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        List<String> layers = selection.layers(checkpoint);
        Map<String, List<Rung>> ladders = new LinkedHashMap<>();
        long dense = 0;
        for (String layer : layers) {
            Tensor w = checkpoint.tensor(layer + ".weight");
            dense += w.count();
            ladders.put(layer, ladder(w, cores, calibration.of(layer)));
        }
        Map<String, Double> gain = sensitivities(checkpoint, ladders, calibration);
        Map<String, Integer> chosen = allocate(ladders, gain, (long) Math.floor(ratio * dense));
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        chosen.forEach((layer, rung) -> {
            int chi = ladders.get(layer).get(rung).chi();
            if (chi != DENSE) {
                put(tensors, layer, cores(checkpoint.tensor(layer + ".weight"), cores, chi));
            }
        });
        return new Checkpoint(checkpoint.config(), tensors).validate();
    }

    private static void put(Map<String, Tensor> tensors, String layer, List<Tensor> cores) {
        tensors.remove(layer + ".weight");
        for (int k = 0; k < cores.size(); k++) {
            tensors.put(layer + MpoLinear.core(k), cores.get(k));
        }
    }

    /**
     * Each layer's gain: model drift per unit of layer error, with the layer alone decomposed at
     * the rung a uniform share would give it. 1 for every layer without a probe.
     */
    private Map<String, Double> sensitivities(Checkpoint checkpoint, Map<String, List<Rung>> ladders, Calibration calibration) {
        Map<String, Double> gain = new LinkedHashMap<>();
        for (Map.Entry<String, List<Rung>> e : ladders.entrySet()) {
            if (calibration.drift() == null || e.getValue().get(0).chi() == DENSE) {
                gain.put(e.getKey(), 1.0); // nothing measured, or no MPO smaller than the layer
                continue;
            }
            long share = (long) Math.floor(ratio * checkpoint.tensor(e.getKey() + ".weight").count());
            Rung uniform = e.getValue().get(0);
            for (Rung r : e.getValue()) {
                if (r.parameters() <= share) {
                    uniform = r;
                }
            }
            Map<String, Tensor> one = new LinkedHashMap<>(checkpoint.tensors());
            put(one, e.getKey(), cores(checkpoint.tensor(e.getKey() + ".weight"), cores, uniform.chi()));
            try {
                double drift = calibration.drift().of(new Checkpoint(checkpoint.config(), one));
                gain.put(e.getKey(), drift / Math.max(uniform.error(), 1e-12));
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot measure the sensitivity of " + e.getKey(), ex);
            }
        }
        return gain;
    }

    /**
     * The rung of each layer: starting from the lowest, the step that removes the most weighted
     * error per added parameter is taken while it fits the budget.
     */
    static Map<String, Integer> allocate(Map<String, List<Rung>> ladders, Map<String, Double> gain, long budget) {
        Map<String, Integer> at = new LinkedHashMap<>();
        long used = 0;
        for (Map.Entry<String, List<Rung>> e : ladders.entrySet()) {
            at.put(e.getKey(), 0);
            used += e.getValue().get(0).parameters();
        }
        while (true) {
            String best = null;
            double bestValue = 0;
            for (Map.Entry<String, List<Rung>> e : ladders.entrySet()) {
                int i = at.get(e.getKey());
                if (i + 1 >= e.getValue().size()) {
                    continue;
                }
                Rung now = e.getValue().get(i);
                Rung next = e.getValue().get(i + 1);
                long cost = next.parameters() - now.parameters();
                if (used + cost > budget) {
                    continue;
                }
                double value = gain.get(e.getKey()) * (now.error() - next.error()) / Math.max(1, cost);
                if (best == null || value > bestValue) {
                    best = e.getKey();
                    bestValue = value;
                }
            }
            if (best == null) {
                return at;
            }
            int i = at.get(best);
            used += ladders.get(best).get(i + 1).parameters() - ladders.get(best).get(i).parameters();
            at.put(best, i + 1);
        }
    }

    /**
     * The rungs of {@code w}, χ ascending, while the cores hold fewer parameters than the dense
     * weight (beyond that an MPO only costs), then the dense weight itself.
     */
    static List<Rung> ladder(Tensor w, int cores, float[] inputMeanSquares) {
        int out = (int) w.dim(0);
        int in = (int) w.dim(1);
        int[] o = factors(out, cores);
        int[] i = factors(in, cores);
        int max = 1;
        for (int k = 1; k < cores; k++) {
            max = Math.max(max, bondCap(o, i, k));
        }
        int step = Math.max(1, (int) Math.ceil(max / (double) LADDER));
        float[] t = interleaved(w.floats(), o, i);
        Svd first = Svd.of(t, o[0] * i[0], t.length / (o[0] * i[0])); // the same for every χ
        List<Rung> rungs = new ArrayList<>();
        for (int chi = step; ; chi = Math.min(max, chi + step)) {
            List<Tensor> c = decompose(t, o, i, chi, first);
            long parameters = c.stream().mapToLong(Tensor::count).sum();
            double error = error(w.floats(), MpoLinear.contract(c).floats(), in, inputMeanSquares);
            if (parameters >= w.count()) {
                break;
            }
            rungs.add(new Rung(chi, parameters, error));
            if (chi == max) {
                break;
            }
        }
        rungs.add(new Rung(DENSE, w.count(), 0));
        return rungs;
    }

    /** The cores of {@code w} at bond dimension {@code chi}. */
    static List<Tensor> cores(Tensor w, int cores, int chi) {
        int[] o = factors((int) w.dim(0), cores);
        int[] i = factors((int) w.dim(1), cores);
        return decompose(interleaved(w.floats(), o, i), o, i, chi, null);
    }

    /** The largest bond dimension between core {@code k - 1} and core {@code k}. */
    static int bondCap(int[] o, int[] i, int k) {
        long left = 1;
        long right = 1;
        for (int j = 0; j < o.length; j++) {
            if (j < k) {
                left *= (long) o[j] * i[j];
            } else {
                right *= (long) o[j] * i[j];
            }
        }
        return (int) Math.min(left, right);
    }

    /** {@code n} as {@code k} factors as equal as can be (largest prime factors placed first). */
    static int[] factors(int n, int k) {
        List<Integer> primes = new ArrayList<>();
        int m = n;
        for (int p = 2; (long) p * p <= m; p++) {
            while (m % p == 0) {
                primes.add(p);
                m /= p;
            }
        }
        if (m > 1) {
            primes.add(m);
        }
        primes.sort((a, b) -> b - a);
        int[] f = new int[k];
        java.util.Arrays.fill(f, 1);
        for (int p : primes) {
            int smallest = 0;
            for (int j = 1; j < k; j++) {
                if (f[j] < f[smallest]) {
                    smallest = j;
                }
            }
            f[smallest] *= p;
        }
        return f;
    }

    /** {@code W[(o₀…), (i₀…)]} reordered as {@code T[o₀, i₀, o₁, i₁, …]}, row-major. */
    static float[] interleaved(float[] w, int[] o, int[] i) {
        int k = o.length;
        int out = 1;
        int in = 1;
        for (int j = 0; j < k; j++) {
            out *= o[j];
            in *= i[j];
        }
        float[] t = new float[w.length];
        int[] oIdx = new int[k];
        int[] iIdx = new int[k];
        for (int row = 0; row < out; row++) {
            digits(row, o, oIdx);
            for (int col = 0; col < in; col++) {
                digits(col, i, iIdx);
                int at = 0;
                for (int j = 0; j < k; j++) {
                    at = (at * o[j] + oIdx[j]) * i[j] + iIdx[j];
                }
                t[at] = w[row * in + col];
            }
        }
        return t;
    }

    private static void digits(int value, int[] radix, int[] out) {
        for (int j = radix.length - 1; j >= 0; j--) {
            out[j] = value % radix[j];
            value /= radix[j];
        }
    }

    /**
     * Cores {@code [χ_k, o_k, i_k, χ_{k+1}]} of the interleaved tensor {@code t}, bonds at most
     * {@code chi}; {@code first} is the SVD of the first unfolding if already computed, or null.
     */
    static List<Tensor> decompose(float[] t, int[] o, int[] i, int chi, Svd first) {
        List<Tensor> cores = new ArrayList<>();
        float[] rest = t;
        int left = 1;
        int remaining = t.length;
        for (int k = 0; k < o.length - 1; k++) {
            int rows = left * o[k] * i[k];
            int cols = remaining / (o[k] * i[k]);
            Svd svd = k == 0 && first != null ? first : Svd.of(rest, rows, cols);
            int bond = Math.min(chi, svd.k());
            float[] u = new float[rows * bond];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < bond; j++) {
                    u[r * bond + j] = (float) svd.u()[r * svd.k() + j];
                }
            }
            cores.add(Tensor.ofFloats(new long[] {left, o[k], i[k], bond}, u));
            float[] next = new float[bond * cols];
            for (int j = 0; j < bond; j++) {
                for (int c = 0; c < cols; c++) {
                    next[j * cols + c] = (float) (svd.sigma()[j] * svd.vt()[j * cols + c]);
                }
            }
            rest = next;
            left = bond;
            remaining = cols;
        }
        int last = o.length - 1;
        cores.add(Tensor.ofFloats(new long[] {left, o[last], i[last], 1}, rest));
        return cores;
    }

    /** {@code Σ s_i (w − a)² / Σ s_i w²} with {@code s_i} the mean square of input {@code i} (1 where not measured). */
    static double error(float[] w, float[] approx, int in, float[] inputMeanSquares) {
        double err = 0;
        double norm = 0;
        for (int x = 0; x < w.length; x++) {
            double s = inputMeanSquares == null ? 1 : inputMeanSquares[x % in];
            double d = w[x] - approx[x];
            err += s * d * d;
            norm += s * (double) w[x] * w[x];
        }
        return err / Math.max(norm, 1e-30);
    }
}
