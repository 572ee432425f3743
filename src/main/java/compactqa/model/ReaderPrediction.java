package compactqa.model;

import compactqa.corpus.AnswerType;

/**
 * The reader's answer.
 *
 * @param text       the answer: the context span, or {@code yes} / {@code no}
 * @param type       span, yes or no
 * @param confidence in [0, 1]: the probability of the answer type times that of the span's ends
 * @param start      character offset of the span in the context, -1 for yes / no
 * @param end        exclusive end of the span, -1 for yes / no
 */
public record ReaderPrediction(String text, AnswerType type, double confidence, int start, int end) {
}
