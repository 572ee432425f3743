package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import compactqa.corpus.SentenceSplitter;
import compactqa.dataset.DatasetLoader;
import compactqa.index.AnalyzerChoice;
import compactqa.index.SearchSettings;

/** The retrieval benchmark end to end on a real HotpotQA sample, through the result file and report. */
class RetrievalBenchmarkIT {

    private static final Path SAMPLE = Path.of("../shared/data/hotpotqa/dev-distractor-sample-103.json.gz");

    @TempDir
    Path tmp;

    @Test
    void filesWithoutGoldParagraphsAreRefused() {
        RetrievalBenchmark benchmark = new RetrievalBenchmark(new DatasetLoader(new SentenceSplitter()));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> benchmark.run("g", List.of(Path.of("../shared/data/hotpotqa/train-500-goldsents.jsonl.gz")),
                        List.of(new RetrievalConfig(AnalyzerChoice.KSTEM, new SearchSettings(0.5, 0.9f, 0.4f))), null, tmp,
                        new RunInfo("c", "c", "d", "j", 1), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("no question"), e.getMessage());
    }

    @Test
    void aQuestionInTwoFilesCountsOnce() throws Exception {
        RetrievalBenchmark benchmark = new RetrievalBenchmark(new DatasetLoader(new SentenceSplitter()));
        RetrievalResult r = benchmark.run("twice", List.of(SAMPLE, SAMPLE),
                List.of(new RetrievalConfig(AnalyzerChoice.KSTEM, new SearchSettings(0.5, 0.9f, 0.4f))), null, tmp,
                new RunInfo("c", "c", "d", "j", 1), new PrintWriter(new StringWriter()));
        assertEquals(103, r.questions());
        assertEquals(103, r.questionsRepeated());
    }

    @Test
    void distractorSampleRecallAndReport() throws Exception {
        RetrievalBenchmark benchmark = new RetrievalBenchmark(new DatasetLoader(new SentenceSplitter()));
        List<RetrievalConfig> configs = List.of(
                new RetrievalConfig(AnalyzerChoice.KSTEM, new SearchSettings(0.5, 0.9f, 0.4f)),
                new RetrievalConfig(AnalyzerChoice.STANDARD, new SearchSettings(0, 1.2f, 0.75f)));
        StringWriter log = new StringWriter();
        RetrievalResult r = benchmark.run("sample", List.of(SAMPLE), configs, null, tmp.resolve("work"),
                new RunInfo("./qa eval retrieval --name sample", "abc", "2026-01-01T00:00:00Z", "25", 2), new PrintWriter(log));

        assertEquals(103, r.questions());
        assertEquals(0, r.questionsRepeated());
        assertEquals(103, r.questionsGoldInCorpus(), "the distractor setting ships every gold paragraph");
        assertEquals(r.recallBothAtK(), r.goldInPool().recallBothAtK(), "so the gold-in-pool subset is everything");
        assertEquals(2, r.variants().size());
        assertEquals("kstem title=0.5 bm25=0.90/0.40", r.config().label());
        // every gold paragraph is in a pool of about a thousand: BM25 finds at least one gold paragraph
        // for nearly all questions, and recall only grows with k
        assertTrue(r.recallAnyAtK().get("20") > 0.9, r.recallAnyAtK().toString());
        double previous = 0;
        for (double recall : r.recallBothAtK().values()) {
            assertTrue(recall >= previous, r.recallBothAtK().toString());
            previous = recall;
        }
        assertTrue(r.recallBothAtK().get("20") > r.recallBothAtK().get("2"));
        assertTrue(r.mrr() > 0.5 && r.mrr() <= 1, "MRR " + r.mrr());
        assertTrue(r.corpusParagraphs() > 900 && r.corpusParagraphs() <= 1030, "paragraphs " + r.corpusParagraphs());
        assertTrue(r.byType().keySet().containsAll(List.of("bridge", "comparison")), r.byType().keySet().toString());

        Path results = tmp.resolve("results");
        ResultFiles.write(r, results.resolve("retrieval-sample.json"));
        JsonNode json = ResultFiles.json().readTree(results.resolve("retrieval-sample.json").toFile());
        for (String field : List.of("command", "commit", "dataset", "questions", "corpus_paragraphs", "index_docs_per_s",
                "queries_per_s", "recall_both_at_k", "recall_any_at_k", "mrr")) {
            assertTrue(json.has(field), "result file lacks " + field);
        }
        assertEquals(0.9, json.path("config").path("bm25_k1").asDouble());
        assertTrue(json.path("recall_both_at_k").has("10"));

        Path readme = tmp.resolve("README.md");
        EvalReport.write(results, null, readme);
        String md = Files.readString(readme);
        assertTrue(md.contains("./qa eval retrieval --name sample"), md);
        assertTrue(md.contains("| kstem title=0.5 bm25=0.90/0.40 | 103 |"), md);
        assertTrue(md.contains("| type bridge (files that name types) |"), md);
        assertTrue(md.contains("| standard title=0.0 bm25=1.20/0.75 | 103 |"), md);
    }
}
