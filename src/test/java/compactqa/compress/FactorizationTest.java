package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import compactqa.model.Checkpoint;
import compactqa.model.TestCheckpoints;
import compactqa.model.LowRankLinear;
import compactqa.model.Tensor;

/** SVD factorization on small random checkpoints: ranks, reconstruction, activation awareness. */
class FactorizationTest {

    private static float[] product(Checkpoint c, String layer) {
        Tensor u = c.tensor(layer + LowRankLinear.U);
        Tensor v = c.tensor(layer + LowRankLinear.V);
        int out = (int) u.dim(0);
        int r = (int) u.dim(1);
        int in = (int) v.dim(1);
        float[] a = u.floats();
        float[] b = v.floats();
        float[] w = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int k = 0; k < r; k++) {
                for (int i = 0; i < in; i++) {
                    w[o * in + i] += a[o * r + k] * b[k * in + i];
                }
            }
        }
        return w;
    }

    private static double relativeError(float[] w, float[] approx) {
        double err = 0;
        double norm = 0;
        for (int i = 0; i < w.length; i++) {
            err += (w[i] - approx[i]) * (w[i] - approx[i]);
            norm += w[i] * w[i];
        }
        return Math.sqrt(err / norm);
    }

    @Test
    void aRatioSetsTheRankAndEveryLayerBecomesTwoFactors() {
        Checkpoint original = TestCheckpoints.random(1);
        Checkpoint c = new SvdFactorization(0.5, 0, false, null).apply(original, Calibration.NONE);
        String layer = "encoder.layer.0.intermediate.dense"; // [64, 32]: r = 0.5·64·32/96 = 10
        assertFalse(c.has(layer + ".weight"));
        assertEquals(10, c.tensor(layer + LowRankLinear.U).dim(1));
        double err = relativeError(original.tensor(layer + ".weight").floats(), product(c, layer));
        assertTrue(err > 0 && err < 1, "a truncation loses something, not everything: " + err);
    }

    @Test
    void fullEnergyReconstructsExactly() {
        Checkpoint original = TestCheckpoints.random(2);
        Checkpoint c = new SvdFactorization(0, 1.0, false, null).apply(original, Calibration.NONE);
        String layer = "encoder.layer.0.attention.self.query";
        assertTrue(relativeError(original.tensor(layer + ".weight").floats(), product(c, layer)) < 1e-5);
    }

    @Test
    void activationAwarenessSpendsTheRankWhereInputsAreLarge() {
        Checkpoint original = TestCheckpoints.random(3);
        String layer = "encoder.layer.0.attention.self.key";
        float[] meanSquares = new float[32];
        for (int i = 0; i < 32; i++) {
            meanSquares[i] = i < 4 ? 100f : 0.01f; // four inputs carry nearly everything
        }
        Calibration calibration = new Calibration(Map.of(layer, meanSquares), null);
        String onlyKey = "(?!.*self\\.key$).*";
        Checkpoint plain = new SvdFactorization(0.25, 0, false, onlyKey).apply(original, calibration);
        Checkpoint aware = new SvdFactorization(0.25, 0, true, onlyKey).apply(original, calibration);
        float[] w = original.tensor(layer + ".weight").floats();
        // the error on what the layer outputs for typical inputs: columns weighted by their input size
        assertTrue(weightedError(w, product(aware, layer), meanSquares) < weightedError(w, product(plain, layer), meanSquares));
    }

    @Test
    void keptLayersStayPlain() {
        Checkpoint c = new SvdFactorization(0.5, 0, false, ".*output\\.dense").apply(TestCheckpoints.random(4), Calibration.NONE);
        assertTrue(c.has("encoder.layer.0.output.dense.weight"));
        assertTrue(c.has("encoder.layer.0.attention.output.dense.weight"));
        assertFalse(c.has("encoder.layer.0.intermediate.dense.weight"));
    }

    private static double weightedError(float[] w, float[] approx, float[] meanSquares) {
        int in = meanSquares.length;
        double err = 0;
        for (int i = 0; i < w.length; i++) {
            double d = w[i] - approx[i];
            err += d * d * meanSquares[i % in];
        }
        return err;
    }
}
