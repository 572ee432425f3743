package compactqa.api;

import java.util.regex.Pattern;

import compactqa.index.IndexService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "The ranked paragraphs with snippets.")
    @APIResponse(responseCode = "400", description = "q missing, too long or without searchable words, or k out of range.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No index is open yet; see Retry-After.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(
            @Parameter(required = true, description = "The words to search for.", schema = @Schema(maxLength = 1000)) @QueryParam("q") String q,
            @Parameter(description = "Results, 1 to 100 (default 10).", schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("k") String k) {
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
