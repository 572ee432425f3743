package compactqa.compress;

import java.util.Locale;

/**
 * The settings {@code qa compress} passes to the methods it chains, and the registry of methods by
 * name.
 *
 * @param ratio          share of each linear layer's parameters kept by SVD, the autoencoder and MPO
 * @param energy         share of spectral energy SVD keeps instead (0: use the ratio)
 * @param keep           a regular expression of linear layers left as they are, or null
 * @param embeddings     whether int8 and int4 also quantize the word embeddings
 * @param cores          MPO cores per layer
 * @param steps          autoencoder training steps
 * @param cosineWeight   the cosine share of the autoencoders' loss
 * @param embeddingRatio share of the word-embedding table the embedding factors keep
 * @param layers         layers {@code drop} keeps
 */
public record MethodOptions(double ratio, double energy, String keep, boolean embeddings, int cores, int steps, double cosineWeight,
                            double embeddingRatio, int layers) {

    /** The names {@link #method} knows. */
    public static final String NAMES = "int8, int4, svd, svd-aa, autoencoder, mpo, embed-svd, embed-direction, drop";

    /** The method called {@code name}, set up with these options. */
    public CompressionMethod method(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "int8" -> new Int8Quantization(keep, embeddings);
            case "int4" -> new Int4Quantization(keep, embeddings);
            case "svd" -> new SvdFactorization(energy > 0 ? 0 : ratio, energy, false, keep);
            case "svd-aa" -> new SvdFactorization(energy > 0 ? 0 : ratio, energy, true, keep);
            case "autoencoder" -> new AutoencoderFactorization(ratio, cosineWeight, steps, keep);
            case "mpo" -> new MpoDecomposition(ratio, cores, keep);
            case "embed-svd" -> new EmbeddingCompression(embeddingRatio, false, cosineWeight, steps);
            case "embed-direction" -> new EmbeddingCompression(embeddingRatio, true, cosineWeight, steps);
            case "drop" -> new LayerDropping(layers);
            default -> throw new IllegalArgumentException("no compression method " + name + "; the methods are " + NAMES);
        };
    }

    /** Whether {@code name} reads the calibration statistics. */
    public static boolean calibrates(String name) {
        return name.equals("svd-aa") || name.equals("mpo");
    }

    /** Whether {@code name} measures the model's drift. */
    public static boolean probes(String name) {
        return name.equals("mpo");
    }
}
