package compactqa.compress;

/**
 * The settings {@code qa compress} passes to the methods it chains.
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

    /** The method {@code method}, set up with these options. */
    public CompressionMethod method(Method method) {
        return switch (method) {
            case INT8 -> new Int8Quantization(keep, embeddings);
            case INT4 -> new Int4Quantization(keep, embeddings);
            case SVD -> new SvdFactorization(energy > 0 ? 0 : ratio, energy, false, keep);
            case SVD_AA -> new SvdFactorization(energy > 0 ? 0 : ratio, energy, true, keep);
            case AUTOENCODER -> new AutoencoderFactorization(ratio, cosineWeight, steps, keep);
            case MPO -> new MpoDecomposition(ratio, cores, keep);
            case EMBED_SVD -> new EmbeddingCompression(embeddingRatio, false, cosineWeight, steps);
            case EMBED_DIRECTION -> new EmbeddingCompression(embeddingRatio, true, cosineWeight, steps);
            case DROP -> new LayerDropping(layers);
        };
    }
}
