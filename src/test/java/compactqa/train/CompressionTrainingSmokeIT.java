package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.compress.Calibration;
import compactqa.compress.SvdFactorization;
import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;
import compactqa.model.Checkpoint;
import compactqa.model.CompressorModel;
import compactqa.model.EncoderOptions;
import compactqa.model.ModelArtifact;
import compactqa.model.Precision;
import compactqa.model.ReaderModel;
import compactqa.model.ReaderPrediction;
import compactqa.model.Safetensors;
import compactqa.model.Tensor;

/**
 * A few steps of every way of compressing by training, on a smoke-trained teacher: each writes a
 * model that loads and answers on ONNX Runtime, in the form its method promises.
 */
class CompressionTrainingSmokeIT {

    @TempDir
    static Path tmp;

    static Path teacher;

    private static TrainingRun run(Recipe recipe) {
        return new TrainingRun(recipe, Path.of("").toAbsolutePath(), TorchBertIT.CACHE, new DatasetLoader(new SentenceSplitter()));
    }

    /** The reader smoke recipe, writing under {@code name}, with other settings where given. */
    private static Recipe recipe(String name, int steps, Recipe.Compression compression, Recipe.Adapters adapters, double activations)
            throws IOException {
        return recipe("models/recipes/reader-smoke.yaml", name, steps, compression, adapters, activations);
    }

    private static Recipe recipe(String from, String name, int steps, Recipe.Compression compression, Recipe.Adapters adapters,
                                 double activations) throws IOException {
        Recipe r = Recipe.read(Path.of(from));
        return new Recipe(r.task(), r.base(), r.seed(), r.maxLength(), r.stride(), r.batchSize(), 1, steps, r.learningRate(),
                r.warmupRatio(), r.weightDecay(), r.maxGradNorm(), r.dropout(), r.checkpointEvery(), r.validationSize(), r.data(),
                tmp.resolve(name + "/work").toString(), tmp.resolve(name + "/model").toString(), compression, null, adapters, activations, 0, null);
    }

    @BeforeAll
    static void trainTeacher() throws IOException {
        teacher = run(recipe("teacher", 3, null, null, 0)).run(false, TrainingListener.NONE).model().dir();
    }

    private static void answers(ModelArtifact model) throws IOException {
        try (ReaderModel reader = ReaderModel.open(model, TorchBertIT.CACHE, EncoderOptions.DEFAULT, Precision.FP32)) {
            ReaderPrediction p = reader.answer("Who won?", "The Broncos won the game in Denver.");
            assertTrue(p.confidence() >= 0 && p.confidence() <= 1, p.toString());
        }
    }

    @Test
    void theseusWritesAThreeLayerModelFromTheSuccessors() throws IOException {
        Recipe.Compression theseus = new Recipe.Compression("theseus", teacher.toString(), null, 3, 0.5, 0.5, 0, 0, 0, 0);
        TrainingRun.Result result = run(recipe("theseus", 2, theseus, null, 0)).run(false, TrainingListener.NONE);
        ModelArtifact model = ModelArtifact.load(result.model().dir());
        Checkpoint c = model.checkpoint();
        assertEquals(3, c.config().layers());
        assertFalse(c.has("encoder.layer.3.output.dense.weight"));
        assertTrue(model.manifest().compression().startsWith("theseus"), model.manifest().compression());
        assertEquals(3L * 7_100_000 / 4, result.trainableParameters(), 3L * 7_100_000 / 4 * 0.1,
                "only the three successors train: " + result.trainableParameters());
        answers(model);
    }

    @Test
    void xtcPacksTernaryCodesAtTwoBitsAndTheRuntimeExpandsThem() throws IOException {
        Recipe.Compression xtc = new Recipe.Compression("xtc", teacher.toString(), null, 0, 0, 0, 2, 0.7, 2.0, 0);
        ModelArtifact model = ModelArtifact.load(run(recipe("xtc", 2, xtc, null, 0)).run(false, TrainingListener.NONE).model().dir());
        Map<String, Tensor> stored = Safetensors.read(model.dir().resolve("weights.safetensors")).tensors();
        Tensor codes = stored.get("encoder.layer.0.intermediate.dense.weight.t2");
        assertEquals(1536L * 384 / 4, codes.byteSize(), "four codes per byte");
        assertTrue(stored.containsKey("embeddings.word_embeddings.weight.t2"), "the word embeddings are ternary too");
        assertTrue(Files.size(model.dir().resolve("weights.safetensors")) < 9_000_000, "a 2-bit MiniLM is under 9 MB");
        answers(model);
    }

    @Test
    void healingTrainsTheFactorsOfAFactorizedModel() throws IOException {
        ModelArtifact original = ModelArtifact.load(teacher);
        Path svd = tmp.resolve("svd");
        ModelArtifact.saveCompressed(svd, new SvdFactorization(0.5, 0, false, null).apply(original.checkpoint(), Calibration.NONE),
                original.manifest(), "svd");
        Recipe.Compression heal = new Recipe.Compression("heal", teacher.toString(), svd.toString(), 0, 0, 0, 0, 0.7, 2.0, 0.5);
        ModelArtifact healed = ModelArtifact.load(run(recipe("heal", 2, heal, null, 0)).run(false, TrainingListener.NONE).model().dir());
        String u = "encoder.layer.0.attention.self.query.weight.u";
        Checkpoint before = ModelArtifact.load(svd).checkpoint();
        Checkpoint after = healed.checkpoint();
        assertTrue(after.has(u), "still factorized");
        float[] a = before.tensor(u).floats();
        float[] b = after.tensor(u).floats();
        int moved = 0;
        for (int i = 0; i < a.length; i++) {
            moved += a[i] != b[i] ? 1 : 0;
        }
        // two Adam steps at 1e-4 move nearly every entry, by less than fp16 storage always shows
        assertTrue(moved > a.length / 10, "the factors trained: " + moved + " of " + a.length + " changed");
        answers(healed);

        // healing the healed model again keeps the first healing's report inside the second's
        Recipe.Compression again = new Recipe.Compression("heal", teacher.toString(), healed.dir().toString(), 0, 0, 0, 0, 0.7, 2.0, 0);
        Path twice = run(recipe("heal-again", 1, again, null, 0)).run(false, TrainingListener.NONE).model().dir();
        JsonNode report = new ObjectMapper().readTree(twice.resolve(TrainingReport.FILE).toFile());
        assertEquals(1, report.path("steps").asInt());
        assertEquals(2, report.path("previous").path("steps").asInt(), report.toString());
        assertEquals(MachineLoad.engineThreads(), report.path("threads").asInt(), "the threads it trained at");
        assertTrue(report.path("mean_load").isNumber() && report.path("mean_load").asDouble() >= 0,
                "the load it trained under, measured: " + report);
    }

    @Test
    void compacterTrainsUnderOnePercentAndShipsOnlyTheAdapters() throws IOException {
        TrainingRun.Result result = run(recipe("compacter", 2, null, new Recipe.Adapters(4, 48), 0)).run(false, TrainingListener.NONE);
        assertTrue(result.trainableParameters() < 227_000, "under 1% of MiniLM: " + result.trainableParameters());
        ModelArtifact model = ModelArtifact.load(result.model().dir());
        assertTrue(Files.size(model.dir().resolve("weights.safetensors")) < 500_000, "the adapter set is small");
        answers(model);
    }

    @Test
    void theCompressorTrainsAsAdaptersOnTheReadersBackboneAndScoresOnOnnxRuntime() throws IOException {
        Recipe.Adapters adapters = new Recipe.Adapters(4, 48);
        TrainingRun.Result result = run(recipe("models/recipes/compressor-smoke.yaml", "compressor-compacter", 2, null, adapters, 0))
                .run(false, TrainingListener.NONE);
        assertTrue(result.trainableParameters() < 227_000, "under 1% of MiniLM: " + result.trainableParameters());
        ModelArtifact compressor = ModelArtifact.load(result.model().dir());
        assertEquals(Recipe.read(Path.of("models/recipes/reader-smoke.yaml")).base(), compressor.manifest().base(),
                "the reader's and the compressor's adapter sets name one backbone");
        assertTrue(Files.size(compressor.dir().resolve("weights.safetensors")) < 500_000, "the adapter set is small");
        try (CompressorModel model = CompressorModel.open(compressor, TorchBertIT.CACHE, EncoderOptions.DEFAULT, Precision.FP32)) {
            List<CompressorModel.PassageScores> scores = model.score("Who won?", List.of(),
                    List.of(new CompressorModel.Passage("Super Bowl 50", List.of("The Broncos won.", "It rained."))));
            assertEquals(2, scores.get(0).sentences().length);
            assertTrue(Double.isFinite(scores.get(0).sufficiency()));
        }
    }

    @Test
    void compressedActivationsTrain() throws IOException {
        List<Double> losses = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStep(long step, long totalSteps, double loss, double examplesPerS, double secondsLeft, double rate) {
                losses.add(loss);
            }
        };
        run(recipe("activations", 3, null, null, 0.25)).run(false, record);
        assertEquals(3, losses.size());
        assertTrue(losses.stream().allMatch(Double::isFinite), losses.toString());
    }
}
