package compactqa.api;

import java.util.regex.Pattern;

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

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

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
        return Inputs.text("q", q, config.maxQueryChars());
    }

    private int parseK(String k) {
        if (k == null || k.isBlank()) {
            return config.defaultK();
        }
        // ASCII digits only: Integer.parseInt would also take "+5" and other scripts' digits
        if (!DIGITS.matcher(k.strip()).matches()) {
            throw new InvalidInputException("k", "k must be a whole number from 1 to " + config.maxK() + ", got '"
                    + abbreviate(k) + "'");
        }
        int value = Integer.parseInt(k.strip());
        if (value < 1 || value > config.maxK()) {
            throw new InvalidInputException("k", "k must be from 1 to " + config.maxK() + ", got " + value);
        }
        return value;
    }

    private static String abbreviate(String s) {
        return s.codePointCount(0, s.length()) > 20 ? s.substring(0, s.offsetByCodePoints(0, 20)) + "…" : s;
    }
}
