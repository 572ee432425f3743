package compactqa.index;

import java.util.List;

/**
 * The answer to a query.
 *
 * @param terms          the distinct analyzed terms the query was searched with
 * @param totalHits      how many documents matched (a lower bound if {@code totalHitsExact} is false)
 * @param totalHitsExact whether {@code totalHits} is exact
 * @param hits           the top documents, best first
 */
public record SearchResult(List<String> terms, long totalHits, boolean totalHitsExact, List<SearchHit> hits) {

    public SearchResult {
        terms = List.copyOf(terms);
        hits = List.copyOf(hits);
    }
}
