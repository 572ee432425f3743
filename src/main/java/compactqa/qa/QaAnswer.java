package compactqa.qa;

import java.util.List;

/**
 * The answer to a question, with the evidence it was read from and the trace of how.
 *
 * @param answer     the answer text: a span of the evidence, or {@code yes} / {@code no}
 * @param type       span, yes or no; none when the confidence fell short of the caller's threshold
 *                   (the answer is then empty and the reader's best guess is in the trace)
 * @param confidence in [0, 1]: the calibrated probability that the answer is right, where the reader
 *                   has a calibration
 * @param evidence   the sentences the reader read, in reading order
 * @param supporting the evidence sentences the answer rests on (its supporting facts), in reading order
 */
public record QaAnswer(String question, String answer, AnswerKind type, double confidence, List<EvidenceSentence> evidence,
                       List<EvidenceSentence> supporting, QaTrace trace) {
}
