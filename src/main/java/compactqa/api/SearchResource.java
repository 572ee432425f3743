package compactqa.api;

import compactqa.index.IndexService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/search?q=...&k=...}: BM25 search over the paragraph index. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    IndexService index;

    @Inject
    ApiConfig config;

    @GET
    public SearchResponse search(@QueryParam("q") String q, @QueryParam("k") String k) {
        String query = requireQuery(q);
        int topK = parseK(k);
        long start = System.nanoTime();
        var result = index.search(query, topK);
        return SearchResponse.of(query, topK, result, (System.nanoTime() - start) / 1e6);
    }

    private String requireQuery(String q) {
        if (q == null || q.isBlank()) {
            throw new InvalidInputException("q", "q is required: give the words to search for");
        }
        if (q.length() > config.maxQueryChars()) {
            throw new InvalidInputException("q", "q is too long: " + q.length() + " characters, at most "
                    + config.maxQueryChars());
        }
        if (q.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new InvalidInputException("q", "q contains control characters");
        }
        return q.strip();
    }

    private int parseK(String k) {
        if (k == null || k.isBlank()) {
            return config.defaultK();
        }
        int value;
        try {
            value = Integer.parseInt(k.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("k", "k must be a whole number from 1 to " + config.maxK() + ", got '"
                    + abbreviate(k) + "'");
        }
        if (value < 1 || value > config.maxK()) {
            throw new InvalidInputException("k", "k must be from 1 to " + config.maxK() + ", got " + value);
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
