package compactqa.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/qa}. Only {@code question} is required; the rest override the
 * configured defaults, and {@code documents}, if given, are read instead of retrieving.
 */
public record QaRequestBody(
        @Schema(required = true, maxLength = 1000, description = "The question.") String question,
        @Schema(minimum = "1", maximum = "100", description = "Documents to retrieve (default: compactqa.qa.k).") Integer k,
        @Schema(minimum = "1", maximum = "50", description = "Documents read per step.") Integer segmentSize,
        @Schema(minimum = "1", maximum = "20", description = "Most steps.") Integer maxSteps,
        @Schema(minimum = "16", maximum = "2000", description = "Evidence tokens kept at most.") Integer budgetTokens,
        @Schema(maxItems = 50, description = "Documents to read instead of retrieving.") List<DocumentBody> documents,
        @Schema(minimum = "0", maximum = "1", description = "Answers less confident than this are withheld (type none).")
        Double minConfidence) {

    /** A document to read: {@code text} is required. */
    public record DocumentBody(
            @Schema(maxLength = 200) String id,
            @Schema(maxLength = 500) String title,
            @Schema(required = true, maxLength = 20000) String text) {
    }
}
