package compactqa.qa;

import java.util.List;

import compactqa.model.AnswerType;

/**
 * The answer to a question, with the evidence it was read from and the trace of how.
 *
 * @param answer     the answer text: a span of the evidence, or {@code yes} / {@code no}
 * @param type       span, yes or no
 * @param confidence in [0, 1]
 * @param evidence   the sentences the reader read, in reading order
 */
public record QaAnswer(String question, String answer, AnswerType type, double confidence, List<EvidenceSentence> evidence,
                       QaTrace trace) {
}
