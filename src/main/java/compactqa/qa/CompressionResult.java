package compactqa.qa;

import java.util.List;

import compactqa.metrics.CompressionRate;

/**
 * What active compression hands the reader.
 *
 * @param evidence        the kept sentences, in reading order (document rank, then position)
 * @param steps           one entry per step taken
 * @param stoppedEarly    whether the sufficiency head ended the reading before the documents ran out
 * @param documentTokens  tokens of all the documents the loop was given
 * @param evidenceTokens  tokens of the evidence
 * @param fallback        where no sentence reached the threshold in any step, the best one seen, which
 *                        is then the whole evidence (the steps' evidence is empty); else null
 */
public record CompressionResult(List<EvidenceSentence> evidence, List<StepTrace> steps, boolean stoppedEarly, int documentTokens,
                                int evidenceTokens, EvidenceSentence fallback) {

    /** Documents' tokens over evidence tokens (0 for empty evidence). */
    public double compressionRate() {
        return CompressionRate.of(documentTokens, evidenceTokens);
    }
}
