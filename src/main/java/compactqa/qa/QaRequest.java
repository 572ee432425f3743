package compactqa.qa;

import java.util.List;

import compactqa.corpus.Document;

/**
 * A question and how to answer it; null settings take the configured defaults.
 *
 * @param documents     the documents to read instead of retrieving, or null to retrieve
 * @param minConfidence the confidence under which the answer is {@code none}, or null for the configured one
 */
public record QaRequest(String question, Integer k, Integer segmentSize, Integer maxSteps, Integer budgetTokens,
                        List<Document> documents, Double minConfidence) {

    public static QaRequest of(String question) {
        return new QaRequest(question, null, null, null, null, null, null);
    }
}
