package compactqa.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Guards {@code /admin/*}: the request must carry the configured key in {@code X-API-Key},
 * compared in constant time; without a configured key every admin call is refused. Neither the key
 * nor what a caller sent is ever logged or echoed.
 */
public class AdminKeyFilter {

    static final String HEADER = "X-API-Key";

    @Inject
    AdminConfig config;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return Optional.empty();
        }
        Optional<String> key = config.apiKey().filter(k -> !k.isBlank());
        if (key.isEmpty()) {
            return Optional.of(ProblemMapper.problem(Response.Status.FORBIDDEN,
                    "the admin API is disabled: no key is configured (compactqa.admin.api-key)", null));
        }
        String sent = request.getHeaderString(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), key.get().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(Response.fromResponse(ProblemMapper.problem(Response.Status.UNAUTHORIZED,
                    "admin calls need the API key in the " + HEADER + " header", null))
                    .header("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"").build());
        }
        return Optional.empty();
    }
}
