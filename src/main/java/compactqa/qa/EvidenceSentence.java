package compactqa.qa;

/**
 * A sentence kept as evidence.
 *
 * @param documentId the document it comes from
 * @param title      that document's title
 * @param rank       the document's rank in the retrieval (or order among the caller's documents), from 1
 * @param sentence   the sentence's index in the document
 * @param start      its character offset in the document's text
 * @param end        its end (exclusive)
 * @param text       the sentence
 * @param score      the compressor's probability that the question needs it
 * @param tokens     its length in word-piece tokens
 * @param step       the step that kept it
 */
public record EvidenceSentence(String documentId, String title, int rank, int sentence, int start, int end, String text,
                               double score, int tokens, int step) {
}
