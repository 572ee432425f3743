package compactqa.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import compactqa.index.AnalyzerChoice;
import compactqa.index.HybridRanking;
import compactqa.index.Retrieval;
import compactqa.index.SearchSettings;
import compactqa.qa.SecondHop;

/**
 * One retrieval setting to benchmark: the analyzer the pooled index is built with, how queries are
 * scored (BM25, dense or hybrid), and whether a second hop follows
 * ({@link compactqa.qa.SecondHop}: without a compressor here, the first hop's evidence is the
 * sentence of each of its two best paragraphs that best matches the question).
 */
public record RetrievalConfig(AnalyzerChoice analyzer, SearchSettings search, int hops, SecondHop secondHop) {

    public RetrievalConfig {
        if (hops < 1 || hops > 2) {
            throw new IllegalArgumentException("hops must be 1 or 2, got " + hops);
        }
        if (hops == 2 && secondHop == null) {
            throw new IllegalArgumentException("a second hop needs its weights");
        }
    }

    /** One retrieval per question. */
    public RetrievalConfig(AnalyzerChoice analyzer, SearchSettings search) {
        this(analyzer, search, 1, null);
    }

    /**
     * Every combination of the given settings, each once (dense retrieval ignores the BM25 ones),
     * in the order given: the first is the primary configuration.
     */
    public static List<RetrievalConfig> grid(List<Retrieval> retrievals, List<AnalyzerChoice> analyzers, List<Double> titleBoosts,
                                             List<float[]> bm25, List<HybridRanking> fusions, List<Integer> hops,
                                             List<SecondHop> secondHops) {
        Map<String, RetrievalConfig> configs = new LinkedHashMap<>();
        for (Retrieval retrieval : retrievals) {
            for (AnalyzerChoice a : analyzers) {
                for (double boost : titleBoosts) {
                    for (float[] kb : bm25) {
                        for (HybridRanking fusion : retrieval == Retrieval.HYBRID ? fusions : List.of(HybridRanking.DEFAULT)) {
                            SearchSettings search = new SearchSettings(boost, kb[0], kb[1], retrieval, fusion);
                            for (int n : hops) {
                                for (SecondHop hop : n == 1 ? Collections.<SecondHop>singletonList(null) : secondHops) {
                                    RetrievalConfig c = new RetrievalConfig(a, search, n, hop);
                                    configs.putIfAbsent(c.label(), c);
                                }
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(configs.values());
    }

    /** A short name such as {@code kstem title=1.0 bm25=1.2/0.75}, then the retrieval where it is not BM25 alone. */
    public String label() {
        String bm25 = String.format(Locale.ROOT, "%s title=%.1f bm25=%.2f/%.2f", analyzer.id(), search.titleBoost(),
                search.k1(), search.b());
        String retrieval = switch (search.retrieval()) {
            case BM25 -> bm25;
            case DENSE -> "dense";
            case HYBRID -> String.format(Locale.ROOT, "hybrid rrf c=%d dense=%.2f over %s", search.fusion().c(),
                    search.fusion().denseWeight(), bm25);
        };
        return hops == 1 ? retrieval : retrieval + " + second hop " + secondHop.label();
    }
}
