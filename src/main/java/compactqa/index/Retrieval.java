package compactqa.index;

import java.util.Locale;

/** How paragraphs are found for a query. */
public enum Retrieval {
    /** BM25 over title and text ({@link SearchSettings}). */
    BM25,
    /** Nearest paragraph vectors to the query's ({@link Embedder}), through Lucene's HNSW graph. */
    DENSE,
    /** BM25 and dense rankings fused by reciprocal rank ({@link HybridRanking}). */
    HYBRID;

    /** The name users give: {@code bm25}, {@code dense}, {@code hybrid}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean needsVectors() {
        return this != BM25;
    }
}
