package compactqa.eval;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import compactqa.metrics.RetrievalScores;
import compactqa.qa.SecondHop;

/**
 * The result file of {@code qa eval retrieval}: provenance, corpus and throughput figures, and the
 * recall of the primary configuration (the first one asked for), with every configuration's
 * figures under {@code variants} when several were compared in the run. Written as snake_case JSON.
 *
 * <p>{@code questions} counts distinct questions ({@code questions_repeated} more appeared in a
 * second file); recall is over the {@code questions_scored} that have gold paragraphs, and
 * {@code gold_in_pool} repeats it over the {@code questions_gold_in_corpus} whose gold paragraphs
 * are all in the pool. {@code queries_per_s} is one thread searching the top
 * {@value RetrievalBenchmark#DEPTH} without snippets.
 */
public record RetrievalResult(
        String command,
        String commit,
        String date,
        String java,
        int cpus,
        String name,
        List<String> dataset,
        long questions,
        long questionsRepeated,
        long questionsScored,
        long questionsGoldInCorpus,
        long corpusParagraphs,
        long duplicatesRemoved,
        double loadSeconds,
        double indexSeconds,
        double indexDocsPerS,
        double queriesPerS,
        int depth,
        Config config,
        Map<String, Double> recallBothAtK,
        Map<String, Double> recallAnyAtK,
        double mrr,
        Slice goldInPool,
        Map<String, Slice> byDataset,
        Map<String, Slice> byType,
        List<Variant> variants) {

    /** A retrieval configuration as recorded. */
    public record Config(String label, String analyzer, double titleBoost, double bm25K1, double bm25B, String retrieval,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String embedder, int hops,
                         @JsonInclude(JsonInclude.Include.NON_NULL) SecondHop secondHop) {
        static Config of(RetrievalConfig c, String embedder) {
            // through the float's shortest decimal form, so that 0.9f is recorded as 0.9, not 0.8999999761581421
            return new Config(c.label(), c.analyzer().id(), c.search().titleBoost(), Double.parseDouble(Float.toString(c.search().k1())),
                    Double.parseDouble(Float.toString(c.search().b())), c.search().retrieval().label(),
                    c.search().retrieval().needsVectors() ? embedder : null, c.hops(), c.secondHop());
        }
    }

    /** Recall of a subset of the questions. */
    public record Slice(long questions, Map<String, Double> recallBothAtK, Map<String, Double> recallAnyAtK, double mrr) {
        static Slice of(RetrievalScores s) {
            return new Slice(s.questions(), s.recallBoth(), s.recallAny(), s.mrr());
        }
    }

    /** One configuration's figures in a comparison. */
    public record Variant(Config config, double queriesPerS, Slice scores, Slice goldInPool, Map<String, Slice> byDataset) {
    }
}
