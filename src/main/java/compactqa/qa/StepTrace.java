package compactqa.qa;

import java.util.List;

/**
 * What one step of active compression did.
 *
 * @param step         from 1
 * @param documents    the ids of the segment's documents, in reading order
 * @param kept         the evidence after the step
 * @param dropped      sentences that were candidates or evidence before and did not fit the budget
 * @param belowThreshold sentences of the segment scored under the sentence threshold, and so never
 *                     candidates (they are not listed: a segment may hold hundreds)
 * @param sufficiency  the sufficiency probability after the step: the best of the segment's
 *                     documents judged with the evidence before it, or of the merged evidence
 *                     checked once more (whichever is higher)
 * @param checked      whether the merged evidence was checked once more
 * @param tokensIn     tokens of the segment's documents
 * @param tokensOut    tokens of the evidence after the step
 * @param millis       time spent scoring and merging
 */
public record StepTrace(int step, List<String> documents, List<EvidenceSentence> kept, List<EvidenceSentence> dropped,
                        int belowThreshold, double sufficiency, boolean checked, int tokensIn, int tokensOut, double millis) {
}
