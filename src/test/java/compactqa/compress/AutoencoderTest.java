package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.TestCheckpoints;
import compactqa.model.SharedBasisLinear;
import compactqa.model.Tensor;

/** The direction-aware autoencoder, the shared-basis factorization and the embedding compression, on small random weights. */
class AutoencoderTest {

    @Test
    void aSharedBasisBuysALargerRankAtTheSvdSize() {
        // 6 layers of [384, 384] at half their parameters: SVD gives rank 96 each
        int r = AutoencoderFactorization.rank(0.5, 384, 384, 6);
        assertEquals(164, r);
        assertTrue(6L * 384 * r + (long) r * 384 <= 6L * 96 * 768);
    }

    @Test
    void trainingTurnsTheReconstructionsTowardsTheRows() {
        Random random = new Random(9);
        int n = 200;
        int d = 24;
        float[] x = new float[n * d];
        for (int i = 0; i < n; i++) {
            double scale = i < 10 ? 20 : 1; // a few long rows dominate the squared error
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (random.nextGaussian() * scale);
            }
        }
        DirectionalAutoencoder.Result fit = new DirectionalAutoencoder(0.9, 200, 1e-2).fit(x, n, d, 6);
        assertTrue(fit.cosineAfter() > fit.cosineBefore() + 0.01,
                "from the SVD start, the cosine loss raises the mean cosine: " + fit.cosineBefore() + " -> " + fit.cosineAfter());
        assertEquals(n * 6, fit.codes().length);
        assertEquals(6 * d, fit.decoder().length);
    }

    @Test
    void everyLayerOfAKindKeepsCodesOverOneBasis() {
        Checkpoint original = TestCheckpoints.random(7);
        Checkpoint c = new AutoencoderFactorization(0.5, 0.9, 5, null).apply(original, Calibration.NONE);
        String layer = "encoder.layer.0.attention.self.query";
        assertFalse(c.has(layer + ".weight"));
        Tensor codes = c.tensor(layer + SharedBasisLinear.CODES);
        Tensor basis = c.tensor(SharedBasisLinear.basis("attention.self.query"));
        assertEquals(codes.dim(1), basis.dim(0));
        assertEquals(32, basis.dim(1));
    }

    @Test
    void embeddingFactorsHoldTheirShareOfTheTable() {
        Checkpoint original = TestCheckpoints.random(8); // vocabulary 50 x hidden 32
        Checkpoint svd = new EmbeddingCompression(0.25, false, 0.9, 0).apply(original, Calibration.NONE);
        String words = BertNames.WORD_EMBEDDINGS;
        assertFalse(svd.has(words));
        long factors = svd.tensor(words + ".u").count() + svd.tensor(words + ".v").count();
        assertTrue(factors <= original.tensor(words).count() / 4, factors + " values");
        Checkpoint direction = new EmbeddingCompression(0.25, true, 0.9, 50).apply(original, Calibration.NONE);
        assertEquals(svd.tensor(words + ".u").dim(1), direction.tensor(words + ".u").dim(1), "the same size");
    }
}
