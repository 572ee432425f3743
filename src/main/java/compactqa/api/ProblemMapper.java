package compactqa.api;

import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import compactqa.index.IndexStoreException;
import compactqa.index.IndexUnavailableException;
import compactqa.index.InvalidQueryException;
import compactqa.qa.ModelUnavailableException;
import compactqa.qa.OverloadedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Turns every error into a problem body; unexpected ones are logged with an id the body repeats. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        public int getStatusCode() { return 422; }
        public Response.Status.Family getFamily() { return Response.Status.Family.CLIENT_ERROR; }
        public String getReasonPhrase() { return "Unprocessable Content"; }
    };

    @Inject
    ApiConfig config;

    @Inject
    QaMetrics metrics;

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        metrics.refused("invalid");
        return problem(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response tooCostly(TooCostlyException e) {
        metrics.refused("too_costly");
        return problem(UNPROCESSABLE, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e) {
        return problem(Response.Status.BAD_REQUEST, e.getMessage(), "q");
    }

    @ServerExceptionMapper
    public Response overloaded(OverloadedException e) {
        metrics.refused("overloaded");
        return unavailable(e.getMessage());
    }

    @ServerExceptionMapper
    public Response noModels(ModelUnavailableException e) {
        return operatorFault("models", e, "the question answering models are not available");
    }

    /** JSON of the wrong shape (Quarkus maps this one itself, with an empty body, unless told otherwise). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return malformedJson(e);
    }

    /** A body that is not JSON, or JSON of the wrong shape: the field at fault where Jackson knows it. */
    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            field = path.toString();
        }
        String detail = field != null ? field + " has the wrong type or shape" : "the body is not valid JSON";
        return problem(Response.Status.BAD_REQUEST, detail, field);
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e) {
        return problem(Response.Status.NOT_FOUND, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unavailable(IndexUnavailableException e) {
        return unavailable(e.getMessage());
    }

    /** An index that cannot be opened (a corrupt pointer, say): the operator has to act, the caller can only wait. */
    @ServerExceptionMapper
    public Response brokenIndex(IndexStoreException e) {
        return operatorFault("index", e, "the index cannot be opened");
    }

    /** A part of the service that only the operator can mend: logged for them, and 503 for the caller. */
    private Response operatorFault(String part, RuntimeException e, String detail) {
        LOG.errorf("%s unavailable: %s", part, e.getMessage());
        metrics.refused(part);
        return unavailable(detail + "; the operator has been told");
    }

    private Response unavailable(String detail) {
        return Response.fromResponse(problem(Response.Status.SERVICE_UNAVAILABLE, detail, null))
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 406 -> "this resource answers only application/json";
            case 415 -> "unsupported content type; send application/json";
            default -> status.getStatusCode() < 500 ? "the request could not be processed" : "the server failed";
        };
        return problem(status, detail, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        metrics.refused("internal");
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "internal error (id " + id + "; see the server log)", null);
    }

    static Response problem(Response.StatusType status, String detail, String field) {
        return Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, field))
                .build();
    }
}
