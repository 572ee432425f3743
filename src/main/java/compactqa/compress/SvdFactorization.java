package compactqa.compress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import compactqa.model.Checkpoint;
import compactqa.model.LowRankLinear;
import compactqa.model.Tensor;

/**
 * Truncated SVD of each selected linear layer, {@code W ≈ (U_r Σ_r)·V_rᵀ}, with the rank from a
 * target share of the layer's parameters ({@code r·(in + out) ≈ ratio·in·out}) or from the share
 * of spectral energy to keep. Activation-aware, the columns are first scaled by the root mean
 * square of the inputs they see ({@code W·S}, {@code S = diag(√E[x²])}), the scaled matrix is
 * truncated and the scaling is undone on the right factor, so the rank goes where the inputs are
 * large (after ASVD, Yuan et al. 2023).
 */
public final class SvdFactorization implements CompressionMethod {

    private final double ratio;
    private final double energy;
    private final boolean activationAware;
    private final LayerSelection selection;

    /**
     * @param ratio  target share of each layer's parameters, in (0, 1); or 0 to use {@code energy}
     * @param energy share of the squared singular values to keep, in (0, 1], when {@code ratio} is 0
     */
    public SvdFactorization(double ratio, double energy, boolean activationAware, String keep) {
        if ((ratio <= 0 || ratio >= 1) && (energy <= 0 || energy > 1)) {
            throw new IllegalArgumentException("give a parameter ratio in (0, 1) or an energy in (0, 1]");
        }
        this.ratio = ratio;
        this.energy = energy;
        this.activationAware = activationAware;
        this.selection = LayerSelection.keeping(keep);
    }


    @Override
    public String settings() {
        return (ratio > 0 ? String.format(Locale.ROOT, "rank for %.2f of each layer's parameters", ratio)
                : String.format(Locale.ROOT, "rank keeping %.3f of the spectral energy", energy))
                + (activationAware ? ", activation-aware" : "") + selection.describe();
    }

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        for (String layer : selection.layers(checkpoint)) {
            Tensor w = tensors.remove(layer + ".weight");
            int out = (int) w.dim(0);
            int in = (int) w.dim(1);
            float[] scale = activationAware ? columnScale(calibration.of(layer), in, layer) : null;
            float[] m = w.floats();
            if (scale != null) {
                for (int o = 0; o < out; o++) {
                    for (int i = 0; i < in; i++) {
                        m[o * in + i] *= scale[i];
                    }
                }
            }
            Svd svd = Svd.of(m, out, in);
            int rank = ratio > 0 ? rank(ratio, out, in) : svd.rankForEnergy(energy);
            float[] right = svd.right(rank);
            if (scale != null) {
                for (int r = 0; r < rank; r++) {
                    for (int i = 0; i < in; i++) {
                        right[r * in + i] /= scale[i];
                    }
                }
            }
            tensors.put(layer + LowRankLinear.U, Tensor.ofFloats(new long[] {out, rank}, svd.left(rank)));
            tensors.put(layer + LowRankLinear.V, Tensor.ofFloats(new long[] {rank, in}, right));
        }
        return new Checkpoint(checkpoint.config(), tensors).validate();
    }

    /** The rank whose factors {@code r·(in + out)} hold about {@code ratio} of the layer's {@code in·out} parameters. */
    static int rank(double ratio, int out, int in) {
        return Math.max(1, (int) Math.floor(ratio * in * out / (in + out)));
    }

    /** {@code √E[x²]} per input feature, floored so that no column is scaled to nothing. */
    static float[] columnScale(float[] meanSquares, int in, String layer) {
        if (meanSquares == null || meanSquares.length != in) {
            throw new IllegalArgumentException("activation-aware SVD needs calibration statistics for " + layer);
        }
        double mean = 0;
        for (float v : meanSquares) {
            mean += Math.sqrt(v) / in;
        }
        float[] s = new float[in];
        for (int i = 0; i < in; i++) {
            s[i] = (float) Math.max(Math.sqrt(meanSquares[i]), 1e-3 * mean + 1e-8);
        }
        return s;
    }
}
