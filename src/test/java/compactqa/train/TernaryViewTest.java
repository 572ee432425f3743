package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import compactqa.model.TernaryWeights;

/** The quantization-aware view trains on what export packs, and lets the gradient through. */
class TernaryViewTest {

    @Test
    void theForwardWeightsAreTheExportedCodesAndTheGradientPassesStraightThrough() {
        Random random = new Random(4);
        float[] w = new float[8 * 32];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        String name = "encoder.layer.0.attention.self.query.weight";
        for (int bits : new int[] {1, 2}) {
            try (NDManager m = NDManager.newBaseManager("PyTorch")) {
                NDArray weight = m.create(w, new Shape(8, 32));
                weight.setRequiresGradient(true);
                NDArray seen;
                try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                    seen = new TernaryView(bits).view(name, weight);
                    c.backward(seen.mul(3).sum());
                }
                float[] expected = TernaryWeights.dequantize(TernaryWeights.quantize(w, 8, 32, bits));
                assertArrayEquals(expected, seen.toFloatArray(), 1e-5f, "bits " + bits);
                float[] gradient = weight.getGradient().toFloatArray();
                for (float g : gradient) {
                    assertTrue(Math.abs(g - 3) < 1e-6, "straight-through: " + g);
                }
            }
        }
    }

    @Test
    void headsBiasesAndNormsStayInFullPrecision() {
        assertTrue(TernaryView.quantized("embeddings.word_embeddings.weight"));
        assertTrue(TernaryView.quantized("encoder.layer.3.intermediate.dense.weight"));
        assertFalse(TernaryView.quantized("encoder.layer.3.output.LayerNorm.weight"));
        assertFalse(TernaryView.quantized("encoder.layer.3.output.dense.bias"));
        assertFalse(TernaryView.quantized("heads.span.weight"));
        assertFalse(TernaryView.quantized("embeddings.position_embeddings.weight"));
    }
}
