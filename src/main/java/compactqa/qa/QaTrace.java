package compactqa.qa;

import java.util.List;

import compactqa.metrics.CompressionRate;

/**
 * How an answer came about.
 *
 * @param retrieved      documents read (retrieved, or given by the caller)
 * @param steps          active compression, step by step
 * @param stoppedEarly   whether the sufficiency head ended the reading early
 * @param documentTokens tokens of the documents
 * @param evidenceTokens tokens of the evidence the reader read
 * @param retrievalMs    milliseconds retrieving (or ordering the given documents)
 * @param compressionMs  milliseconds compressing
 * @param readerMs       milliseconds reading
 * @param totalMs        milliseconds in all
 * @param bestGuess      the reader's answer where the service said {@code none} because its confidence
 *                       was below the threshold; null when the answer was given
 * @param fallback       the sentence read when no sentence reached the threshold in any step (the
 *                       best one seen, which the steps do not list as kept); null otherwise
 */
public record QaTrace(int retrieved, List<StepTrace> steps, boolean stoppedEarly, int documentTokens, int evidenceTokens,
                      double retrievalMs, double compressionMs, double readerMs, double totalMs, BestGuess bestGuess,
                      EvidenceSentence fallback) {

    /** An answer held back for want of confidence. */
    public record BestGuess(String answer, AnswerKind type, double confidence, double threshold) {
    }

    /** Documents' tokens over evidence tokens. */
    public double compressionRate() {
        return CompressionRate.of(documentTokens, evidenceTokens);
    }
}
