package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.model.DType;
import compactqa.model.Safetensors;
import compactqa.model.Tensor;

/** A checkpoint kept for the repository: compact, close to the original, and resumed from when the work folder is gone. */
class KeptCheckpointTest {

    @TempDir
    Path tmp;

    private static Tensor random(long rows, long cols, long seed) {
        Random random = new Random(seed);
        float[] w = new float[(int) (rows * cols)];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 0.04 * (1 + i / cols));
        }
        return Tensor.ofFloats(new long[] {rows, cols}, w);
    }

    @Test
    void matricesRoundTripWithinHalfAStepOfTheirRowScale() {
        Tensor matrix = random(8, 64, 1);
        Tensor bias = Tensor.ofFloats(new long[] {3}, new float[] {0.1f, -2.5f, 1e-3f});
        Map<String, Tensor> encoded = KeptWeights.encode(Map.of("w", matrix, "b", bias));
        assertEquals(DType.I8, encoded.get("w").dtype());
        assertEquals(DType.F16, encoded.get("b").dtype());
        Map<String, Tensor> decoded = KeptWeights.decode(encoded);
        assertEquals(2, decoded.size(), "the scales are not weights");
        float[] before = matrix.floats();
        float[] after = decoded.get("w").floats();
        float[] scales = encoded.get("w" + KeptWeights.ROW_SCALE).floats();
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], after[i], scales[i / 64] / 2 + 1e-7f, "element " + i);
        }
        float[] b = decoded.get("b").floats();
        assertEquals(-2.5f, b[1], 1e-3f);
        assertEquals(DType.F32, decoded.get("b").dtype());
    }

    @Test
    void aZeroRowStaysZero() {
        Tensor zeros = Tensor.ofFloats(new long[] {2, 3}, new float[6]);
        float[] back = KeptWeights.decode(KeptWeights.encode(Map.of("z", zeros))).get("z").floats();
        for (float v : back) {
            assertEquals(0f, v);
        }
    }

    @Test
    void keepWritesTheLatestCheckpointWithoutOptimizerOrFrozenWeights() throws IOException {
        TrainingCheckpoints work = new TrainingCheckpoints(tmp.resolve("work"));
        Path folder = tmp.resolve("kept");
        assertThrows(IllegalArgumentException.class, () -> work.keep(folder, name -> true), "nothing to keep yet");

        Map<String, Tensor> weights = new LinkedHashMap<>();
        weights.put("encoder.layer.0.attention.self.query.weight", random(16, 16, 2));
        weights.put("embeddings.word_embeddings.weight", random(32, 16, 3));
        Map<String, Tensor> optimizer = Map.of("adam.steps", Tensor.ofFloats(new long[] {1}, new float[] {40}));
        TrainingState state = TrainingState.start(100, "task: reader\n").advance(40, 0, 40, 12.5);
        work.save(weights, optimizer, state);

        TrainingState kept = work.keep(folder, name -> !name.contains("word_embeddings"));
        assertEquals(40, kept.step());
        assertFalse(Files.exists(folder.resolve("optimizer.safetensors")));
        assertFalse(Safetensors.read(folder.resolve("weights.safetensors")).tensors().containsKey("embeddings.word_embeddings.weight"));

        TrainingCheckpoints.Saved back = TrainingCheckpoints.kept(folder).orElseThrow();
        assertEquals(40, back.state().step());
        assertEquals("task: reader\n", back.state().recipe());
        assertTrue(back.optimizer().isEmpty(), "AdamW starts with fresh moments");
        assertEquals(List.of("encoder.layer.0.attention.self.query.weight"), List.copyOf(back.weights().keySet()));
        assertTrue(TrainingCheckpoints.kept(tmp.resolve("absent")).isEmpty());
        assertTrue(TrainingCheckpoints.kept(null).isEmpty());
    }

    @Test
    void theRateRisesAgainAfterAKeptCheckpoint() {
        assertEquals(1.0, Trainer.rewarm(5, -1), "an ordinary run is not touched");
        assertEquals(1.0 / Trainer.REWARM_STEPS, Trainer.rewarm(41, 40), 1e-12);
        assertEquals(0.5, Trainer.rewarm(40 + Trainer.REWARM_STEPS / 2, 40), 1e-12);
        assertEquals(1.0, Trainer.rewarm(40 + Trainer.REWARM_STEPS * 2, 40));
    }
}
