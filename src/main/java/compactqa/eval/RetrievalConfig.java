package compactqa.eval;

import java.util.Locale;

import compactqa.index.AnalyzerChoice;
import compactqa.index.SearchSettings;

/**
 * One retrieval setting to benchmark: the analyzer the pooled index is built with, and how
 * queries are scored.
 */
public record RetrievalConfig(AnalyzerChoice analyzer, SearchSettings search) {

    /** A short name such as {@code kstem title=1.0 bm25=1.2/0.75}. */
    public String label() {
        return String.format(Locale.ROOT, "%s title=%.1f bm25=%.2f/%.2f", analyzer.id(), search.titleBoost(),
                search.k1(), search.b());
    }
}
