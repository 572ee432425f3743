package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;
import compactqa.model.AtomicFolders;
import compactqa.model.Checkpoint;
import compactqa.model.CompressorModel;
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
    private static final Path COMPRESSOR_RECIPE = Path.of("models/recipes/compressor-smoke.yaml");

    @TempDir
    Path tmp;

    private Recipe recipe(String name) throws IOException {
        return recipe(RECIPE, name, null);
    }

    /** The recipe at {@code file}, writing under the test's folder, with another dropout if given. */
    private Recipe recipe(Path file, String name, Float dropout) throws IOException {
        Recipe r = Recipe.read(file);
        return new Recipe(r.task(), r.base(), r.seed(), r.maxLength(), r.stride(), r.batchSize(), r.epochs(), r.maxSteps(),
                r.learningRate(), r.warmupRatio(), r.weightDecay(), r.maxGradNorm(), dropout != null ? dropout : r.dropout(),
                r.checkpointEvery(),
                r.validationSize(), r.data(), tmp.resolve(name + "/work").toString(), tmp.resolve(name + "/model").toString(),
                r.compression(), r.init(), r.adapters(), r.activationCompression(), r.stopAfterEpochs(),
                tmp.resolve(name + "/kept").toString());
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
        assertFalse(result.state().history().isEmpty(), "validated after each epoch");
        assertTrue(result.state().history().get(0).metrics().containsKey("f1"), result.state().history().toString());

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
    void anInterruptedRunResumesToTheSameWeightsEvenWithDropout() throws IOException {
        // dropout masks are drawn from a per-step seed, so a resumed step draws the masks it would have
        Checkpoint uninterrupted = ModelArtifact.load(run(recipe(RECIPE, "whole", 0.1f)).run(false, listener(new ArrayList<>(), Long.MAX_VALUE))
                .model().dir()).checkpoint();

        Recipe interrupted = recipe(RECIPE, "parts", 0.1f);
        assertThrows(IllegalStateException.class, () -> run(interrupted).run(false, listener(new ArrayList<>(), 4)),
                "the run dies after step 4, its last checkpoint being step 3");
        Checkpoint resumed = ModelArtifact.load(run(interrupted).run(true, listener(new ArrayList<>(), Long.MAX_VALUE))
                .model().dir()).checkpoint();
        for (String name : List.of("encoder.layer.5.output.dense.weight", "heads.span.weight", "heads.answer_type.bias")) {
            assertArrayEquals(uninterrupted.tensor(name).floats(), resumed.tensor(name).floats(), 1e-6f, name);
        }
    }

    @Test
    void aTimeLimitStopsAtAValidatedCheckpointAndResumeFinishesTheSameRun() throws IOException {
        Checkpoint uninterrupted = ModelArtifact.load(run(recipe(RECIPE, "untimed", 0.1f)).run(false, listener(new ArrayList<>(), Long.MAX_VALUE))
                .model().dir()).checkpoint();

        Recipe timed = recipe(RECIPE, "timed", 0.1f);
        // a limit already past when the first step ends: the run stops after it
        TrainingRun.Result first = run(timed).withTimeLimit(Duration.ofNanos(1)).run(false, listener(new ArrayList<>(), Long.MAX_VALUE));
        assertEquals(1, first.state().step());
        assertEquals(1, first.state().history().size(), "validated where it stopped");
        assertEquals(1, first.state().history().get(0).step());
        assertTrue(first.state().history().get(0).metrics().containsKey("f1"));
        assertTrue(Files.exists(first.model().dir().resolve("weights.safetensors")), "the model so far is written");

        TrainingRun.Result rest = run(timed).run(true, listener(new ArrayList<>(), Long.MAX_VALUE));
        assertEquals(6, rest.state().step());
        Checkpoint resumed = ModelArtifact.load(rest.model().dir()).checkpoint();
        for (String name : List.of("encoder.layer.5.output.dense.weight", "heads.span.weight", "heads.answer_type.bias")) {
            assertArrayEquals(uninterrupted.tensor(name).floats(), resumed.tensor(name).floats(), 1e-6f, name);
        }
    }

    @Test
    void aKeptCheckpointResumesTheRunWhereTheWorkFolderIsGone() throws IOException {
        Recipe recipe = recipe(RECIPE, "kept", 0.1f);
        TrainingRun.Result first = run(recipe).withTimeLimit(Duration.ofNanos(1)).run(false, listener(new ArrayList<>(), Long.MAX_VALUE));
        assertEquals(1, first.state().step());
        assertEquals(1, run(recipe).keepLatest().step());
        Path kept = Path.of(recipe.committedCheckpoint());
        assertTrue(Files.size(kept.resolve("weights.safetensors")) < 13_000_000, "int8 matrices, frozen embeddings left out");
        assertFalse(Files.exists(kept.resolve("optimizer.safetensors")));

        AtomicFolders.deleteTree(Path.of(recipe.workDir()));
        List<Double> rates = new ArrayList<>();
        long[] resumedAt = {-1};
        TrainingRun.Result rest = run(recipe).run(true, new TrainingListener() {
            @Override
            public void onStep(long step, long totalSteps, double loss, double examplesPerS, double secondsLeft, double rate) {
                rates.add(rate);
            }

            @Override
            public void onResumedFromKept(long step, String where, int rewarmSteps) {
                resumedAt[0] = step;
            }
        });
        assertEquals(1, resumedAt[0], "resumed from the kept step, not from the start");
        assertEquals(6, rest.state().step());
        assertEquals(5, rates.size(), "steps 2 to 6 ran");
        LearningRate schedule = new LearningRate(recipe.learningRate(), Math.round(6 * recipe.warmupRatio()), 6);
        assertEquals(schedule.at(2) / Trainer.REWARM_STEPS, rates.get(0), 1e-12, "the rate rises again from near 0");
    }

    @Test
    void theCompressorTrainsAndScoresEverySentenceOnOnnxRuntime() throws IOException {
        List<Double> losses = new ArrayList<>();
        TrainingRun.Result result = run(recipe(COMPRESSOR_RECIPE, "compressor", null)).run(false, listener(losses, Long.MAX_VALUE));
        assertEquals(4, losses.size());
        assertTrue(losses.stream().allMatch(l -> Double.isFinite(l) && l > 0), losses.toString());
        assertTrue(result.state().history().get(0).metrics().containsKey("para_recall_at2"), result.state().history().toString());
        ModelArtifact model = ModelArtifact.load(result.model().dir());
        assertEquals(CompressorTask.MAX_EVIDENCE_TOKENS, model.manifest().maxEvidenceTokens());
        try (CompressorModel compressor = CompressorModel.open(model, TorchBertIT.CACHE, EncoderOptions.DEFAULT, Precision.FP32)) {
            List<CompressorModel.PassageScores> scores = compressor.score("Who won?", List.of("The final was in Denver."),
                    List.of(new CompressorModel.Passage("Super Bowl 50", List.of("The Broncos won.", "It rained.", "Fans sang."))));
            assertEquals(3, scores.get(0).sentences().length);
            assertTrue(Double.isFinite(scores.get(0).sufficiency()));
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
