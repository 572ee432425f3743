package compactqa.api;

import java.util.List;

/**
 * The body of {@code POST /api/qa}. Only {@code question} is required; the rest override the
 * configured defaults, and {@code documents}, if given, are read instead of retrieving.
 */
public record QaRequestBody(String question, Integer k, Integer segmentSize, Integer maxSteps, Integer budgetTokens,
                            List<DocumentBody> documents, Double minConfidence) {

    /** A document to read: {@code text} is required. */
    public record DocumentBody(String id, String title, String text) {
    }
}
