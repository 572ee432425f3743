package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.SentenceSplitter;
import compactqa.eval.DatasetLoader;
import compactqa.model.Checkpoint;
import compactqa.model.Encoder;
import compactqa.model.EncoderOptions;
import compactqa.model.FloatArray;
import compactqa.model.ModelArtifact;
import compactqa.model.Precision;
import compactqa.model.TokenizedText;

/**
 * A few real training steps of the reader on SQuAD questions: the loss goes down, the model is
 * written, reloads and runs on ONNX Runtime, and a run interrupted after a checkpoint resumes to the
 * same weights as one that was not.
 */
class TrainingSmokeIT {

    private static final Path RECIPE = Path.of("models/recipes/reader-smoke.yaml");

    @TempDir
    Path tmp;

    private Recipe recipe(String name) throws IOException {
        Recipe r = Recipe.read(RECIPE);
        return new Recipe(r.task(), r.base(), r.seed(), r.maxLength(), r.stride(), r.batchSize(), r.epochs(), r.maxSteps(),
                r.learningRate(), r.warmupRatio(), r.weightDecay(), r.maxGradNorm(), r.dropout(), r.checkpointEvery(),
                r.validationSize(), r.data(), tmp.resolve(name + "/work").toString(), tmp.resolve(name + "/model").toString());
    }

    private TrainingRun run(Recipe recipe) {
        return new TrainingRun(recipe, Path.of("").toAbsolutePath(), TorchBertIT.CACHE, new DatasetLoader(new SentenceSplitter()));
    }

    @Test
    void lossGoesDownAndTheModelRunsOnOnnxRuntime() throws IOException {
        List<Double> losses = new ArrayList<>();
        TrainingRun.Result result = run(recipe("a")).run(false, listener(losses, Long.MAX_VALUE));
        assertEquals(6, losses.size());
        double firstTwo = (losses.get(0) + losses.get(1)) / 2;
        double lastTwo = (losses.get(4) + losses.get(5)) / 2;
        assertTrue(lastTwo < firstTwo, "the loss went down: " + losses);
        assertEquals(2, result.state().history().size());

        ModelArtifact model = ModelArtifact.load(result.model().dir());
        assertTrue(Files.size(model.dir().resolve("weights.safetensors")) < 25_000_000, "frozen word embeddings are not shipped");
        try (Encoder encoder = model.open(TorchBertIT.CACHE, EncoderOptions.DEFAULT, Precision.INT8)) {
            List<TokenizedText> windows = encoder.tokenizePair("Who won?", "The Broncos won the game.");
            Map<String, FloatArray> out = encoder.run(windows);
            assertArrayEquals(new long[] {1, windows.get(0).length(), 2}, out.get("span").shape());
            assertArrayEquals(new long[] {1, 3}, out.get("answer_type").shape());
        }
    }

    @Test
    void anInterruptedRunResumesToTheSameWeights() throws IOException {
        Checkpoint uninterrupted = ModelArtifact.load(run(recipe("whole")).run(false, listener(new ArrayList<>(), Long.MAX_VALUE))
                .model().dir()).checkpoint();

        Recipe interrupted = recipe("parts");
        assertThrows(IllegalStateException.class, () -> run(interrupted).run(false, listener(new ArrayList<>(), 4)),
                "the run dies after step 4, its last checkpoint being step 3");
        Checkpoint resumed = ModelArtifact.load(run(interrupted).run(true, listener(new ArrayList<>(), Long.MAX_VALUE))
                .model().dir()).checkpoint();
        for (String name : List.of("encoder.layer.5.output.dense.weight", "heads.span.weight", "heads.answer_type.bias")) {
            assertArrayEquals(uninterrupted.tensor(name).floats(), resumed.tensor(name).floats(), 1e-6f, name);
        }
    }

    /** Records each step's loss; throws after {@code dieAfter} steps, as a crash would stop the run. */
    private static TrainingListener listener(List<Double> losses, long dieAfter) {
        return new TrainingListener() {
            @Override
            public void onStep(long step, long totalSteps, double loss, double examplesPerS, double secondsLeft, double rate) {
                losses.add(loss);
                if (step >= dieAfter) {
                    throw new IllegalStateException("simulated crash at step " + step);
                }
            }

            @Override
            public void onEpoch(int epoch, double meanLoss, Map<String, Double> metrics) {
            }

            @Override
            public void onCheckpoint(long step, String where) {
            }
        };
    }
}
