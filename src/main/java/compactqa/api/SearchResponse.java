package compactqa.api;

import java.util.List;

import compactqa.index.SearchHit;
import compactqa.index.SearchResult;

/**
 * The body of {@code GET /api/search}.
 *
 * @param query     the query as received
 * @param k         how many results were asked for
 * @param terms     the analyzed terms searched
 * @param totalHits how many paragraphs matched at least one term
 * @param tookMs    time spent in the search, milliseconds
 * @param results   the top paragraphs, best first
 */
public record SearchResponse(String query, int k, List<String> terms, long totalHits, double tookMs, List<Hit> results) {

    /** One ranked paragraph. The snippet is HTML-escaped, with query terms in {@code <b>}. */
    public record Hit(int rank, String id, String title, double score, String snippet, String source) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.rank(), hit.document().id(), hit.document().title(), hit.score(), hit.snippet(),
                    hit.document().source());
        }
    }

    static SearchResponse of(String query, int k, SearchResult result, double tookMs) {
        return new SearchResponse(query, k, result.terms(), result.totalHits(), tookMs,
                result.hits().stream().map(Hit::of).toList());
    }
}
