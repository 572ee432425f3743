package compactqa.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import compactqa.corpus.Document;
import compactqa.corpus.SentenceSplitter;
import compactqa.index.InvalidQueryException;
import compactqa.qa.QaAnswer;
import compactqa.qa.QaRequest;
import compactqa.qa.QaService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/qa}: a question in; the answer, its evidence and the trace of active
 * compression out.
 */
@Path("/api/qa")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QaResource {

    static final int MAX_DOCUMENTS = 50;
    static final int MAX_DOCUMENT_CHARS = 20_000;

    @Inject
    QaService service;

    @Inject
    ApiConfig config;

    @Inject
    SentenceSplitter splitter;

    @Inject
    QaMetrics metrics;

    @POST
    @APIResponse(responseCode = "200", description = "The answer, its evidence and the trace.")
    @APIResponse(responseCode = "400", description = "A field missing, malformed or out of range; the problem names it.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the service accepts.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The documents would cost more than compactqa.api.max-request-tokens.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Saturated, past the deadline, or without models or index; see Retry-After.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public QaAnswer answer(QaRequestBody body) {
        if (body == null) {
            throw new InvalidInputException("question", "a JSON body with a question is required");
        }
        String question = Inputs.text("question", body.question(), config.maxQueryChars());
        Inputs.range("k", body.k(), 1, config.maxK());
        Inputs.range("segmentSize", body.segmentSize(), QaRequest.SEGMENT_SIZE);
        Inputs.range("maxSteps", body.maxSteps(), QaRequest.MAX_STEPS);
        Inputs.range("budgetTokens", body.budgetTokens(), QaRequest.BUDGET_TOKENS);
        QaRequest.confidenceViolation("minConfidence", body.minConfidence()).ifPresent(message -> {
            throw new InvalidInputException("minConfidence", message);
        });
        QaAnswer answer;
        try {
            answer = service.answer(new QaRequest(question, body.k(), body.segmentSize(), body.maxSteps(), body.budgetTokens(),
                    documents(body.documents()), body.minConfidence()));
        } catch (InvalidQueryException e) {
            // the search's own message, but the field is this API's
            throw new InvalidInputException("question", e.getMessage().replace("the query", "the question"));
        }
        metrics.answered(answer);
        return answer;
    }

    private List<Document> documents(List<QaRequestBody.DocumentBody> bodies) {
        if (bodies == null) {
            return null;
        }
        if (bodies.isEmpty() || bodies.size() > MAX_DOCUMENTS) {
            throw new InvalidInputException("documents", "documents, if given, must be 1 to " + MAX_DOCUMENTS + ", got " + bodies.size());
        }
        record Checked(String id, String title, String text) {
        }
        List<Checked> checked = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < bodies.size(); i++) {
            QaRequestBody.DocumentBody d = bodies.get(i);
            if (d == null) {
                throw new InvalidInputException("documents[" + i + "]", "a document must be an object with a text");
            }
            String text = Inputs.text("documents[" + i + "].text", d.text(), MAX_DOCUMENT_CHARS);
            String title = d.title() == null || d.title().isBlank() ? "" : Inputs.text("documents[" + i + "].title", d.title(), 500);
            String id = d.id() == null || d.id().isBlank() ? "doc-" + (i + 1) : Inputs.text("documents[" + i + "].id", d.id(), 200);
            chars += title.length() + text.length();
            checked.add(new Checked(id, title, text));
        }
        // the cost is known before any sentence is split or scored
        long tokens = chars / 4;
        if (tokens > config.maxRequestTokens()) {
            throw new TooCostlyException("documents", String.format(Locale.ROOT, "the documents hold about %,d tokens, more than the "
                    + "%,d a question may give the models to score (compactqa.api.max-request-tokens); send fewer or shorter documents",
                    tokens, config.maxRequestTokens()));
        }
        // a heavy question that would find the heavy lane full is refused before its sentences are split
        service.refuseIfHeavyLaneFull(tokens);
        return checked.stream().map(c -> splitter.document(c.id(), c.title(), c.text(), "request")).toList();
    }
}
