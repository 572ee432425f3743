package compactqa.compress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.Tensor;

/**
 * The word-embedding matrix (11.7M of MiniLM's 22.7M parameters) as two thin factors
 * {@code E ≈ U·V}, {@code U [vocab, r]}, {@code V [r, hidden]}, which the exported graph gathers
 * from and multiplies: by truncated SVD (best in squared error), or, after Bałazy et al. ("Direction
 * is what you need", 2021), by a linear autoencoder trained with a direction-dominant loss, whose
 * codes are {@code U} and whose decoder is {@code V}. Both at the same size, set as a share of the
 * table's parameters.
 */
public final class EmbeddingCompression implements CompressionMethod {

    private final double ratio;
    private final boolean direction;
    private final DirectionalAutoencoder autoencoder;
    private final double cosineWeight;
    private final int steps;

    /**
     * @param ratio     share of the table's parameters the factors hold, in (0, 1)
     * @param direction the direction-aware autoencoder rather than plain SVD
     */
    public EmbeddingCompression(double ratio, boolean direction, double cosineWeight, int steps) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("the embedding ratio must be in (0, 1), got " + ratio);
        }
        this.ratio = ratio;
        this.direction = direction;
        this.cosineWeight = cosineWeight;
        this.steps = steps;
        this.autoencoder = new DirectionalAutoencoder(direction ? cosineWeight : 0, direction ? steps : 0, 1e-3);
    }


    @Override
    public String settings() {
        return String.format(Locale.ROOT, "word embeddings as rank-r factors holding %.2f of the table", ratio)
                + (direction ? String.format(Locale.ROOT, ", direction-aware autoencoder (%.2f cosine, %d steps)", cosineWeight, steps)
                : ", truncated SVD");
    }

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        String name = BertNames.WORD_EMBEDDINGS;
        if (!checkpoint.has(name)) {
            throw new IllegalArgumentException("the word embeddings are already compressed");
        }
        Tensor table = checkpoint.tensor(name);
        int vocab = (int) table.dim(0);
        int hidden = (int) table.dim(1);
        int rank = SvdFactorization.rank(ratio, vocab, hidden);
        DirectionalAutoencoder.Result fit = autoencoder.fit(table.floats(), vocab, hidden, rank);
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        tensors.remove(name);
        tensors.put(name + ".u", Tensor.ofFloats(new long[] {vocab, rank}, fit.codes()));
        tensors.put(name + ".v", Tensor.ofFloats(new long[] {rank, hidden}, fit.decoder()));
        return new Checkpoint(checkpoint.config(), tensors).validate();
    }
}
