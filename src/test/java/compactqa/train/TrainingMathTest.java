package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import compactqa.corpus.AnswerType;
import compactqa.dataset.ReaderExample;
import compactqa.model.Checkpoint;
import compactqa.model.EncoderConfig;
import compactqa.model.Tensor;
import compactqa.model.TokenizedText;

/** The optimizer, the schedule and the labels, checked against hand-computed values. */
class TrainingMathTest {

    @Test
    void learningRateWarmsUpLinearlyThenDecaysToZero() {
        LearningRate lr = new LearningRate(1e-4, 10, 110);
        assertEquals(1e-5, lr.at(1), 1e-12);
        assertEquals(1e-4, lr.at(10), 1e-12);
        assertEquals(5e-5, lr.at(60), 1e-12);
        assertEquals(0, lr.at(110), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LearningRate(1e-4, 20, 10));
    }

    @Test
    void adamWFirstStepMovesEachWeightByTheLearningRateAndDecaysOnlyMatrices() {
        // the first Adam step is lr·sign(g) (m̂ = g, v̂ = g²); decay adds lr·λ·w to matrices only
        Checkpoint ck = new Checkpoint(new EncoderConfig(1, 4, 1, 4, 4, 4, 1, 1e-12), Map.of(
                "w.weight", Tensor.ofFloats(new long[] {2}, new float[] {1, 2}),
                "w.bias", Tensor.ofFloats(new long[] {2}, new float[] {1, 2})));
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters p = ModelParameters.of(ck, manager);
             AdamW adam = new AdamW(manager, 0.1)) {
            p.setTrainable(name -> true);
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                // d/dw of (3·w0 − 4·w1) is (3, −4), for both arrays
                NDArray coefficients = manager.create(new float[] {3, -4});
                c.backward(p.get("w.weight").mul(coefficients).sum().add(p.get("w.bias").mul(coefficients).sum()));
            }
            double norm = adam.step(p, 0.01, 0);
            assertEquals(Math.sqrt(2 * (9 + 16)), norm, 1e-5);
            float[] w = p.get("w.weight").toFloatArray();
            float[] b = p.get("w.bias").toFloatArray();
            assertEquals(1 - 0.01 - 0.01 * 0.1 * 1, w[0], 1e-6);
            assertEquals(2 + 0.01 - 0.01 * 0.1 * 2, w[1], 1e-6);
            assertEquals(1 - 0.01, b[0], 1e-6);
            assertEquals(2 + 0.01, b[1], 1e-6);
            assertEquals(1, adam.steps());
            assertEquals(0f, p.get("w.bias").getGradient().abs().sum().getFloat(), "gradients are zeroed after the step");
        }
    }

    @Test
    void gradientsAreClippedToTheGlobalNorm() {
        Checkpoint ck = new Checkpoint(new EncoderConfig(1, 4, 1, 4, 4, 4, 1, 1e-12), Map.of(
                "w.weight", Tensor.ofFloats(new long[] {1}, new float[] {0})));
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters p = ModelParameters.of(ck, manager);
             AdamW adam = new AdamW(manager, 0.9, 0.999, 1e-8, 0)) {
            p.setTrainable(name -> true);
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                c.backward(p.get("w.weight").mul(100).sum());
            }
            assertEquals(100, adam.step(p, 1, 1), 1e-4, "the norm before clipping is reported");
            // clipped to 1, the first step is still lr·sign(g) for Adam: the clip shows in the state, m = 0.1·1
            assertEquals(0.1f, adam.state().get("adam.m.w.weight").floats()[0], 1e-4);
        }
    }

    @Test
    void nonFiniteGradientsSkipTheUpdate() {
        Checkpoint ck = new Checkpoint(new EncoderConfig(1, 4, 1, 4, 4, 4, 1, 1e-12), Map.of(
                "w.weight", Tensor.ofFloats(new long[] {1}, new float[] {1})));
        try (NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters p = ModelParameters.of(ck, manager);
             AdamW adam = new AdamW(manager, 0)) {
            p.setTrainable(name -> true);
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                c.backward(p.get("w.weight").log().mul(Float.NaN).sum());
            }
            assertFalse(Double.isFinite(adam.step(p, 0.1, 1)));
            assertEquals(1f, p.get("w.weight").toFloatArray()[0], "the weight is untouched");
            assertEquals(0, adam.steps());
            // the next, finite gradient is not poisoned by the last one
            try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                c.backward(p.get("w.weight").mul(2).sum());
            }
            assertEquals(2, adam.step(p, 0.1, 0), 1e-6);
            assertEquals(0.9f, p.get("w.weight").toFloatArray()[0], 1e-6, "the weight moved by lr·sign(g)");
        }
    }

    @Test
    void weightDecaySkipsBiasesAndLayerNorms() {
        assertTrue(AdamW.decays("encoder.layer.0.attention.self.query.weight"));
        assertFalse(AdamW.decays("encoder.layer.0.attention.self.query.bias"));
        assertFalse(AdamW.decays("encoder.layer.0.output.LayerNorm.weight"));
    }

    // context "Paris is in France." as tokens [CLS] where ? [SEP] paris is in france . [SEP]
    private static final TokenizedText WINDOW = new TokenizedText(new long[] {101, 2, 3, 102, 10, 11, 12, 13, 14, 102},
            new long[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1}, new int[] {-1, 0, 0, -1, 1, 1, 1, 1, 1, -1},
            new int[] {-1, 0, 5, -1, 0, 6, 9, 12, 18, -1}, new int[] {-1, 5, 6, -1, 5, 8, 11, 18, 19, -1});

    private static ReaderExample example(int start, String text, AnswerType type) {
        return new ReaderExample("q", "where?", "Paris is in France.", type, start, text, List.of(text), "t");
    }

    @Test
    void spanLabelsPointAtTheAnswersTokens() {
        ReaderFeature f = ReaderTask.label(example(12, "France", AnswerType.SPAN), WINDOW);
        assertEquals(7, f.start());
        assertEquals(7, f.end());
        ReaderFeature two = ReaderTask.label(example(9, "in France", AnswerType.SPAN), WINDOW);
        assertEquals(6, two.start());
        assertEquals(7, two.end());
        // an answer starting inside a token starts at that token
        ReaderFeature inside = ReaderTask.label(example(13, "rance", AnswerType.SPAN), WINDOW);
        assertEquals(7, inside.start());
    }

    @Test
    void windowsWithoutTheAnswerAndYesNoAnswersPointAtCls() {
        TokenizedText firstHalf = new TokenizedText(new long[] {101, 2, 3, 102, 10, 11, 102}, new long[] {0, 0, 0, 0, 1, 1, 1},
                new int[] {-1, 0, 0, -1, 1, 1, -1}, new int[] {-1, 0, 5, -1, 0, 6, -1}, new int[] {-1, 5, 6, -1, 5, 8, -1});
        ReaderFeature outside = ReaderTask.label(example(12, "France", AnswerType.SPAN), firstHalf);
        assertEquals(0, outside.start());
        assertEquals(0, outside.end());
        assertEquals(AnswerType.SPAN.index(), outside.type());
        ReaderFeature yes = ReaderTask.label(example(-1, "yes", AnswerType.YES), WINDOW);
        assertEquals(0, yes.start());
        assertEquals(AnswerType.YES.index(), yes.type());
    }
}
