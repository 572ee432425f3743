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

    /** Documents retrieved: at most this many, whoever asks (the service may allow fewer). */
    public static final Range K = new Range(1, 100);
    /** Documents per step. */
    public static final Range SEGMENT_SIZE = new Range(1, 50);
    /** Steps. */
    public static final Range MAX_STEPS = new Range(1, 20);
    /** Evidence tokens. */
    public static final Range BUDGET_TOKENS = new Range(16, 2000);

    /** The values a setting may take, the same over HTTP and on the command line. */
    public record Range(int min, int max) {

        /** Why {@code value}, given as {@code name}, is out of range; empty if it is in range or not given. */
        public java.util.Optional<String> violation(String name, Integer value) {
            return value == null || value >= min && value <= max ? java.util.Optional.empty()
                    : java.util.Optional.of(name + " must be from " + min + " to " + max + ", got " + value);
        }
    }

    /** Why {@code minConfidence}, given as {@code name}, is not a probability; empty if it is one or not given. */
    public static java.util.Optional<String> confidenceViolation(String name, Double minConfidence) {
        return minConfidence == null || minConfidence >= 0 && minConfidence <= 1 ? java.util.Optional.empty()
                : java.util.Optional.of(name + " must be between 0 and 1, got " + minConfidence);
    }

    /** Tokens of a retrieved paragraph, reckoned before it is retrieved: a HotpotQA paragraph's, rounded up. */
    static final int TOKENS_PER_RETRIEVED_DOCUMENT = 150;

    /**
     * About how many tokens the models will score for this question, known before any work: its own
     * documents' characters / 4 (WordPiece on English prose), or its retrieved documents at
     * {@value #TOKENS_PER_RETRIEVED_DOCUMENT} tokens each.
     *
     * @param defaultK the documents retrieved when the request does not say
     */
    public long estimatedTokens(int defaultK) {
        if (documents != null) {
            return documents.stream().mapToLong(d -> d.title().length() + d.text().length()).sum() / 4;
        }
        return (long) (k == null ? defaultK : k) * TOKENS_PER_RETRIEVED_DOCUMENT;
    }

    public static QaRequest of(String question) {
        return new QaRequest(question, null, null, null, null, null, null);
    }
}
