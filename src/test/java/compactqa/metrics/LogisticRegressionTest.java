package compactqa.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    @Test
    void recoversTwoWeightsAndTheBias() {
        Random random = new Random(1);
        List<LogisticRegression.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double a = random.nextGaussian();
            double b = random.nextDouble() < 0.3 ? 1 : 0;
            double p = 1 / (1 + Math.exp(-(1.5 * a + 2 * b - 1)));
            samples.add(new LogisticRegression.Sample(new double[] {a, b}, random.nextDouble() < p));
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(samples, new double[] {1, 0}, 0, 1e-6);
        assertEquals(1.5, fit.weights()[0], 0.08);
        assertEquals(2, fit.weights()[1], 0.12);
        assertEquals(-1, fit.bias(), 0.08);
        assertTrue(fit.logLoss(samples) < new LogisticRegression.Fit(new double[] {1, 0}, 0).logLoss(samples));
    }

    @Test
    void aFeatureThatNeverVariesKeepsItsPrior() {
        List<LogisticRegression.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            samples.add(new LogisticRegression.Sample(new double[] {i % 7 - 3, 0}, i % 3 == 0));
        }
        assertEquals(0.25, LogisticRegression.fit(samples, new double[] {1, 0.25}, 0, 1e-3).weights()[1], 1e-9);
    }

    @Test
    void solvesALinearSystem() {
        assertArrayEquals(new double[] {1, 2}, LogisticRegression.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {4, 7}), 1e-12);
        assertEquals(null, LogisticRegression.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}));
    }
}
