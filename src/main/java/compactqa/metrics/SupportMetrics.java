package compactqa.metrics;

import java.util.Set;

/**
 * Supporting-fact metrics of the official HotpotQA evaluation script ({@code update_sp} in
 * {@code hotpot_evaluate_v1.py}): the predicted set of supporting units against the gold set.
 *
 * <p>Units are compared with {@code equals}, so any element type works: sentence facts as
 * {@link QaExample.SupportingFact}, paragraph titles as strings.
 */
public final class SupportMetrics {

    private SupportMetrics() {
    }

    /**
     * Counts true positives (predicted and gold), false positives (predicted only) and false
     * negatives (gold only), then
     * <ul>
     * <li>precision = tp / (tp + fp), or {@code 0} if nothing was predicted;
     * <li>recall = tp / (tp + fn), or {@code 0} if there is no gold;
     * <li>F1 = 2PR / (P + R), or {@code 0} if both are {@code 0};
     * <li>EM = {@code 1} if fp + fn = 0, else {@code 0}.
     * </ul>
     * As in the script, an empty prediction against an empty gold set is EM {@code 1} but F1,
     * precision and recall {@code 0}.
     */
    public static MatchScore score(Set<?> predicted, Set<?> gold) {
        int tp = 0;
        int fp = 0;
        for (Object e : predicted) {
            if (gold.contains(e)) {
                tp++;
            } else {
                fp++;
            }
        }
        int fn = 0;
        for (Object e : gold) {
            if (!predicted.contains(e)) {
                fn++;
            }
        }
        double precision = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
        double recall = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        double em = fp + fn == 0 ? 1 : 0;
        return new MatchScore(em, f1, precision, recall);
    }
}
