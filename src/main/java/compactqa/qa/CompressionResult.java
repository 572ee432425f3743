package compactqa.qa;

import java.util.Comparator;
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
 * @param supporting      the evidence sentences the answer rests on (those whose probability reaches
 *                        the support threshold, else the strongest one), in reading order
 */
public record CompressionResult(List<EvidenceSentence> evidence, List<StepTrace> steps, boolean stoppedEarly, int documentTokens,
                                int evidenceTokens, EvidenceSentence fallback, List<EvidenceSentence> supporting) {

    /** A result whose evidence all supports the answer. */
    public CompressionResult(List<EvidenceSentence> evidence, List<StepTrace> steps, boolean stoppedEarly, int documentTokens,
                             int evidenceTokens, EvidenceSentence fallback) {
        this(evidence, steps, stoppedEarly, documentTokens, evidenceTokens, fallback, evidence);
    }

    /**
     * The sentences of {@code evidence} whose probability reaches {@code threshold}, or the strongest
     * one where none does (an answer always names what it rests on), in their order.
     */
    public static List<EvidenceSentence> supporting(List<EvidenceSentence> evidence, double threshold) {
        List<EvidenceSentence> passing = evidence.stream().filter(e -> e.score() >= threshold).toList();
        if (!passing.isEmpty() || evidence.isEmpty()) {
            return passing;
        }
        return List.of(evidence.stream().max(Comparator.comparingDouble(EvidenceSentence::score)).orElseThrow());
    }

    /** Documents' tokens over evidence tokens (0 for empty evidence). */
    public double compressionRate() {
        return CompressionRate.of(documentTokens, evidenceTokens);
    }
}
