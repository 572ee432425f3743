package compactqa.compress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import compactqa.model.Checkpoint;
import compactqa.model.SharedBasisLinear;
import compactqa.model.Tensor;

/**
 * Autoencoder-based offline factorization (after Banaei et al., EACL 2023): per kind of module
 * (query, key, value, attention output, intermediate, output), one linear autoencoder is trained on
 * the weight rows of that kind in every layer at once ("collaboration"), with a direction-dominant
 * loss ({@link DirectionalAutoencoder}). Each layer keeps its codes, the kind keeps one decoder as a
 * shared basis ({@link SharedBasisLinear}).
 *
 * <p>Sizes match {@link SvdFactorization} at the same ratio: the rank per kind is the largest whose
 * codes plus basis hold no more parameters than the per-layer SVD factors would. Since the basis is
 * paid once for all layers, each layer gets a larger rank than SVD gives it; whether that beats the
 * SVD's optimality in squared error is what the benchmark measures.
 */
public final class AutoencoderFactorization implements CompressionMethod {

    private final double ratio;
    private final DirectionalAutoencoder autoencoder;
    private final double cosineWeight;
    private final int steps;
    private final LayerSelection selection;

    public AutoencoderFactorization(double ratio, double cosineWeight, int steps, String keep) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("the autoencoder parameter ratio must be in (0, 1), got " + ratio);
        }
        this.ratio = ratio;
        this.cosineWeight = cosineWeight;
        this.steps = steps;
        this.autoencoder = new DirectionalAutoencoder(cosineWeight, steps, 1e-3);
        this.selection = LayerSelection.keeping(keep);
    }


    @Override
    public String settings() {
        return String.format(Locale.ROOT, "one autoencoder per module kind across layers, sized as SVD at %.2f of the parameters, "
                + "loss %.2f cosine + %.2f relative squared error, %d steps", ratio, cosineWeight, 1 - cosineWeight, steps)
                + selection.describe();
    }

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (String layer : selection.layers(checkpoint)) {
            byKind.computeIfAbsent(SharedBasisLinear.kind(layer), k -> new ArrayList<>()).add(layer);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        byKind.forEach((kind, layers) -> {
            Tensor first = checkpoint.tensor(layers.get(0) + ".weight");
            int out = (int) first.dim(0);
            int in = (int) first.dim(1);
            int count = layers.size();
            float[] stacked = new float[count * out * in];
            for (int l = 0; l < count; l++) {
                Tensor w = checkpoint.tensor(layers.get(l) + ".weight");
                if (w.dim(0) != out || w.dim(1) != in) {
                    throw new IllegalStateException(layers.get(l) + " is " + w + ", unlike the other " + kind + " layers");
                }
                System.arraycopy(w.floats(), 0, stacked, l * out * in, out * in);
            }
            DirectionalAutoencoder.Result fit = autoencoder.fit(stacked, count * out, in, rank(ratio, out, in, count));
            int r = fit.rank();
            for (int l = 0; l < count; l++) {
                float[] codes = new float[out * r];
                System.arraycopy(fit.codes(), l * out * r, codes, 0, out * r);
                tensors.remove(layers.get(l) + ".weight");
                tensors.put(layers.get(l) + SharedBasisLinear.CODES, Tensor.ofFloats(new long[] {out, r}, codes));
            }
            tensors.put(SharedBasisLinear.basis(kind), Tensor.ofFloats(new long[] {r, in}, fit.decoder()));
        });
        return new Checkpoint(checkpoint.config(), tensors).validate();
    }

    /**
     * The largest rank whose {@code count} codes {@code [out, r]} and one basis {@code [r, in]}
     * hold no more than the {@code count} SVD factor pairs at {@code ratio}, and at most
     * {@code min(out, in)}: a layer's codes times the basis cannot have a higher rank than that,
     * so a wider basis would cost time and parameters for nothing.
     */
    static int rank(double ratio, int out, int in, int count) {
        long svd = (long) count * SvdFactorization.rank(ratio, out, in) * (in + out);
        return (int) Math.max(1, Math.min(Math.min(in, out), svd / ((long) count * out + in)));
    }
}
