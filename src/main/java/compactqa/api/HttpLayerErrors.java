package compactqa.api;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Errors the HTTP layer raises before any resource sees the request (a body over the size limit, a
 * URI too long) answered in problem+json like every other error, instead of an empty body. URIs
 * are limited here, below the much larger limit of the HTTP codec
 * ({@code quarkus.http.limits.max-initial-line-length}), which can only answer a bare 414. A request
 * line that is not a URI at all (a bad percent-escape, a raw {@code |}) is refused by Vert.x's codec
 * with an empty 400 and a closed connection before any route: no application hook reaches it.
 */
@ApplicationScoped
public class HttpLayerErrors {

    /** Longest request URI, in characters: a query of {@code compactqa.api.max-query-chars} fits many times over. */
    static final int MAX_URI_CHARS = 16_384;

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "the request is malformed",
            413, "the request body is larger than the service accepts (quarkus.http.limits.max-body-size)",
            414, "the request URI is longer than the " + MAX_URI_CHARS + " characters the service accepts");

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodyBytes;

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void install(@Observes Router router) {
        // first of all routes: nothing is parsed or decoded for a URI refused here
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String uri = ctx.request().uri();
            if (uri.length() > MAX_URI_CHARS) {
                write(ctx, 414);
            } else if (declaredLength(ctx) > maxBodyBytes.asLongValue()) {
                // Quarkus would end this one with an empty 413 a step later; a chunked body over the
                // limit still gets that bare 413, since its size is known only as it arrives
                write(ctx, 413);
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (DETAILS.containsKey(status) && !ctx.response().headWritten()) {
                write(ctx, status);
            } else {
                ctx.next();
            }
        });
    }

    private void write(RoutingContext ctx, int status) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", reason(status), status, DETAILS.get(status), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    private static String reason(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            default -> "Bad Request";
        };
    }
}
