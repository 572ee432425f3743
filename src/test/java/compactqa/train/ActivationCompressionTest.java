package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import compactqa.model.TestCheckpoints;

/**
 * The compressed-activation mode changes no output and estimates the weight gradients without
 * bias: one sketch points roughly the right way, the mean of many converges on the exact gradient.
 */
class ActivationCompressionTest {

    private static final String WEIGHT = "encoder.layer.0.intermediate.dense.weight";

    /** The forward output and the gradient of {@link #WEIGHT} for a fixed loss. */
    private static float[][] run(ModelParameters params, double ratio, int seed, NDManager m) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(seed);
        TorchBert bert = new TorchBert(params).withActivationCompression(ratio);
        try (NDManager step = m.newSubManager(); GradientCollector c = engine.newGradientCollector()) {
            NDArray ids = step.create(new long[] {2, 5, 7, 9, 11, 3, 4, 8}, new Shape(2, 4));
            NDArray types = step.zeros(new Shape(2, 4), ai.djl.ndarray.types.DataType.INT64);
            NDArray mask = step.ones(new Shape(2, 4), ai.djl.ndarray.types.DataType.INT64);
            NDArray out = bert.encode(ids, types, mask, true, 0f);
            c.backward(out.mul(out.add(1)).sum());
            float[] gradient = params.get(WEIGHT).getGradient().toFloatArray();
            params.get(WEIGHT).getGradient().set(new ai.djl.ndarray.index.NDIndex("..."), 0);
            return new float[][] {out.toFloatArray(), gradient};
        }
    }

    private static double cosine(float[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void outputsAreUnchangedAndWeightGradientsAreUnbiasedSketches() {
        try (NDManager m = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(TestCheckpoints.random(11), m)) {
            params.setTrainable(name -> true);
            float[][] exact = run(params, 0, 1, m);
            float[][] first = run(params, 0.5, 1, m);
            assertArrayEquals(exact[0], first[0], 1e-4f, "the forward pass is the same");
            double[] mean = new double[exact[1].length];
            int draws = 40;
            double single = 0;
            for (int d = 0; d < draws; d++) {
                float[] g = run(params, 0.5, 100 + d, m)[1];
                double[] one = new double[g.length];
                for (int i = 0; i < g.length; i++) {
                    mean[i] += g[i] / draws;
                    one[i] = g[i];
                }
                single += cosine(exact[1], one) / draws;
            }
            double averaged = cosine(exact[1], mean);
            System.out.printf("activation sketches: single cosine %.3f, mean of %d %.3f%n", single, draws, averaged);
            assertTrue(single > 0.2 && single < 0.99, "one sketch estimates, it does not reproduce: cosine " + single);
            assertTrue(averaged > 0.9 && averaged > single + 0.1, "the estimates average to the exact gradient: cosine " + averaged);
        }
    }
}
