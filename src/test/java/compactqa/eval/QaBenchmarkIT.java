package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;
import compactqa.index.SearchSettings;
import compactqa.model.Checkpoint;
import compactqa.model.CompressorModel;
import compactqa.model.EncoderOptions;
import compactqa.model.Head;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.Precision;
import compactqa.model.PretrainedEncoder;
import compactqa.model.ReaderModel;
import compactqa.model.Tensor;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.train.CompressorTask;
import compactqa.train.ReaderTask;

/**
 * The benchmark's mechanics on real data, with the real encoder under untrained (seeded random)
 * heads: every method answers every question, the oracle's supporting facts are exact, and the
 * figures are in range. What the trained models score is the benchmark command's business.
 */
class QaBenchmarkIT {

    private static final Path SAMPLE = Path.of("../shared/data/hotpotqa/dev-distractor-sample-103.json.gz");
    private static final ModelCache CACHE = new ModelCache(Path.of("target/model-cache"));

    @TempDir
    static Path dir;

    static ModelArtifact reader;
    static ModelArtifact compressor;

    @BeforeAll
    static void untrainedModels() throws IOException {
        Checkpoint base;
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            base = new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config());
        }
        reader = withHeads(base, "reader", ReaderTask.HEADS, 0, 0);
        compressor = withHeads(base, "compressor", CompressorTask.HEADS, CompressorTask.MAX_QUESTION_TOKENS,
                CompressorTask.MAX_EVIDENCE_TOKENS);
    }

    private static ModelArtifact withHeads(Checkpoint base, String task, List<Head> heads, int question, int evidence)
            throws IOException {
        Random random = new Random(7);
        int hidden = base.config().hidden();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Head h : heads) {
            float[] w = new float[h.outputs() * hidden];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (random.nextGaussian() * 0.05);
            }
            tensors.put(h.layer() + ".weight", Tensor.ofFloats(new long[] {h.outputs(), hidden}, w));
            tensors.put(h.layer() + ".bias", Tensor.ofFloats(new long[] {h.outputs()}, new float[h.outputs()]));
        }
        return ModelArtifact.save(dir.resolve(task), base.with(base.config(), tensors), compactqa.model.Task.of(task), PretrainedEncoder.MINILM_L6, heads,
                task.equals("reader") ? 384 : 256, task.equals("reader") ? 128 : 0, question, evidence, n -> n.startsWith("heads."));
    }

    private QaBenchResult run(String setting, int k) throws IOException {
        return run(setting, k, null);
    }

    /** The benchmark at fp32, with the active method once more at {@code reference} (null: not). */
    private QaBenchResult run(String setting, int k, Precision reference) throws IOException {
        EncoderOptions options = new EncoderOptions(512, 128, 2, "all");
        Path work = Files.createDirectories(dir.resolve("work-" + setting + (reference == null ? "" : "-" + reference.id())));
        try (ReaderModel r = ReaderModel.open(reader, CACHE, options, Precision.FP32);
             CompressorModel c = CompressorModel.open(compressor, CACHE, options, Precision.FP32);
             ReaderModel rr = reference == null ? null : ReaderModel.open(reader, CACHE, options, reference);
             CompressorModel rc = reference == null ? null : CompressorModel.open(compressor, CACHE, options, reference)) {
            QaBenchmark.Request request = new QaBenchmark.Request("it", List.of(SAMPLE), QaBenchmark.Setting.valueOf(setting.toUpperCase()),
                    k, 3, new CompressionSettings(5, 2, 200, 0.5, 0.5), new SearchSettings(0.5, 0.9f, 0.4f),
                    new QaBenchResult.Models("models/reader", "models/compressor", "fp32", 2));
            return new QaBenchmark(new DatasetLoader(new SentenceSplitter())).run(request, r, c, EvidenceSelection.IDENTITY,
                    reference == null ? null : new QaBenchmark.Reference("active_" + reference.id(), rr, rc), work,
                    RunInfo.capture("test", Path.of(".")), new PrintWriter(new StringWriter()));
        }
    }

    @Test
    void everyMethodAnswersInTheDistractorSetting() throws IOException {
        QaBenchResult r = run("distractor", 0);
        assertEquals(3, r.questions());
        assertEquals(List.of("active", "single_pass", "raw", "oracle"), List.copyOf(r.methods().keySet()));
        assertEquals("sentence", r.spLevel());
        assertEquals(100.0, r.methods().get("oracle").spF1(), 1e-9, "the oracle's evidence is the gold supporting facts");
        assertEquals(1.0, r.methods().get("raw").compressionRate(), 1e-9, "raw reads everything");
        QaBenchResult.Method active = r.methods().get("active");
        assertTrue(active.compressionRate() > 1, "active keeps less than it reads: " + active.compressionRate());
        assertTrue(active.stepsMean() >= 1 && active.stepsMean() <= 2, "steps " + active.stepsMean());
        for (QaBenchResult.Method m : r.methods().values()) {
            assertTrue(m.f1() >= 0 && m.f1() <= 100 && m.em() <= m.f1() + 1e-9, m.toString());
            assertTrue(m.latencyMsP50() > 0 && m.latencyMsP95() >= m.latencyMsP50(), m.toString());
        }
    }

    @Test
    void theOpenSettingRetrievesFromTheFilesParagraphs() throws IOException {
        QaBenchResult r = run("open", 5);
        assertEquals(5, r.k());
        assertTrue(r.methods().get("active").stages().get("retrieval").p50() > 0);
        assertEquals(100.0, r.methods().get("oracle").spF1(), 1e-9);
    }

    @Test
    void theActiveMethodAtTheSamePrecisionAgainAnswersAlike() throws IOException {
        QaBenchResult r = run("distractor", 0, Precision.FP32);
        assertEquals(List.of("active", "single_pass", "raw", "oracle", "active_fp32"), List.copyOf(r.methods().keySet()));
        QaBenchResult.Method active = r.methods().get("active"), again = r.methods().get("active_fp32");
        assertEquals(active.f1(), again.f1(), 1e-9);
        assertEquals(active.spF1(), again.spF1(), 1e-9);
        assertEquals(active.compressionRate(), again.compressionRate(), 1e-9);
        assertEquals(active.stepsMean(), again.stepsMean(), 1e-9);
    }

    @Test
    void theActiveMethodRunsAtAnotherPrecisionBesideTheOthers() throws IOException {
        QaBenchResult r = run("distractor", 0, Precision.INT8);
        QaBenchResult.Method int8 = r.methods().get("active_int8");
        assertTrue(int8.compressionRate() > 1 && int8.stepsMean() >= 1 && int8.latencyMsP50() > 0, int8.toString());
    }

    @Test
    void aReferenceNeedsANameOfItsOwn() {
        for (String label : List.of("active", "raw", "Active-FP32", "")) {
            assertThrows(IllegalArgumentException.class, () -> new QaBenchmark.Reference(label, null, null), label);
        }
    }
}
