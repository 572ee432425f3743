package compactqa.model;

import java.util.List;
import compactqa.corpus.AnswerType;

/**
 * Turns the reader's logits into an answer: the best valid span over all windows of a context, or
 * yes / no. A pure function of its inputs, so it is tested on hand-made logits.
 *
 * <p>A span is valid if it starts and ends on context tokens of one window (never the question or
 * a special token), ends at or after its start, and has at most {@code maxAnswerTokens} tokens; its
 * score is the sum of its start and end logits, and its probability the product of the start and
 * end softmax probabilities within its window. The answer type is decided by the type
 * probabilities averaged over windows.
 */
public final class SpanDecoder {

    private final int maxAnswerTokens;

    public SpanDecoder(int maxAnswerTokens) {
        if (maxAnswerTokens < 1) {
            throw new IllegalArgumentException("maxAnswerTokens must be at least 1");
        }
        this.maxAnswerTokens = maxAnswerTokens;
    }

    /**
     * Decodes one context.
     *
     * @param context     the context text the windows' offsets point into
     * @param windows     the windows, in order
     * @param startLogits per window, one logit per token
     * @param endLogits   per window, one logit per token
     * @param typeLogits  per window, logits of span / yes / no
     */
    public ReaderPrediction decode(String context, List<ReaderWindow> windows, List<float[]> startLogits,
                                   List<float[]> endLogits, List<float[]> typeLogits) {
        if (windows.isEmpty() || windows.size() != startLogits.size() || windows.size() != endLogits.size()
                || windows.size() != typeLogits.size()) {
            throw new IllegalArgumentException("one set of logits per window is needed");
        }
        double[] typeProbability = new double[AnswerType.values().length];
        for (float[] logits : typeLogits) {
            double[] p = softmax(logits, 0, logits.length);
            for (int i = 0; i < typeProbability.length; i++) {
                typeProbability[i] += p[i] / typeLogits.size();
            }
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestProbability = 0;
        int bestStart = -1;
        int bestEnd = -1;
        for (int w = 0; w < windows.size(); w++) {
            ReaderWindow window = windows.get(w);
            TokenizedText t = window.tokens();
            float[] starts = startLogits.get(w);
            float[] ends = endLogits.get(w);
            double[] startP = softmax(starts, 0, t.length());
            double[] endP = softmax(ends, 0, t.length());
            for (int i = 0; i < t.length(); i++) {
                if (!window.isContext(i)) {
                    continue;
                }
                for (int j = i; j < Math.min(t.length(), i + maxAnswerTokens); j++) {
                    if (!window.isContext(j)) {
                        break;
                    }
                    double score = starts[i] + ends[j];
                    if (score > bestScore) {
                        bestScore = score;
                        bestProbability = startP[i] * endP[j];
                        bestStart = t.charStarts()[i];
                        bestEnd = t.charEnds()[j];
                    }
                }
            }
        }
        double span = typeProbability[AnswerType.SPAN.index()];
        double yes = typeProbability[AnswerType.YES.index()];
        double no = typeProbability[AnswerType.NO.index()];
        if (bestStart < 0 || yes > span || no > span) {
            return yes >= no ? new ReaderPrediction("yes", AnswerType.YES, yes, -1, -1)
                    : new ReaderPrediction("no", AnswerType.NO, no, -1, -1);
        }
        return new ReaderPrediction(context.substring(bestStart, bestEnd), AnswerType.SPAN, span * bestProbability,
                bestStart, bestEnd);
    }

    static double[] softmax(float[] logits, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        double[] p = new double[to - from];
        for (int i = from; i < to; i++) {
            p[i - from] = Math.exp(logits[i] - max);
            sum += p[i - from];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
