package compactqa.qa;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param hop          the retrieval that followed the step, with the evidence it kept ({@link SecondHop}); null if none
 */
public record StepTrace(int step, List<String> documents, List<EvidenceSentence> kept, List<EvidenceSentence> dropped,
                        int belowThreshold, double sufficiency, boolean checked, int tokensIn, int tokensOut, double millis,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Hop hop) {

    /** A step that no retrieval followed. */
    public StepTrace(int step, List<String> documents, List<EvidenceSentence> kept, List<EvidenceSentence> dropped,
                     int belowThreshold, double sufficiency, boolean checked, int tokensIn, int tokensOut, double millis) {
        this(step, documents, kept, dropped, belowThreshold, sufficiency, checked, tokensIn, tokensOut, millis, null);
    }

    /**
     * A second retrieval.
     *
     * @param query     what was asked: the question and the evidence so far
     * @param documents the ids of the documents it found that had not been read, to be read next
     */
    public record Hop(String query, List<String> documents) {
    }
}
