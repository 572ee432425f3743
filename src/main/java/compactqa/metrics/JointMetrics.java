package compactqa.metrics;

/**
 * HotpotQA's joint metric, from the official evaluation script ({@code hotpot_evaluate_v1.py}): an
 * answer and its supporting facts scored as one, so that a right answer for the wrong reasons (or the
 * reverse) earns little.
 */
public final class JointMetrics {

    private JointMetrics() {
    }

    /**
     * Joint precision is the product of the answer's and the support's precision, joint recall the
     * product of their recalls, joint F1 their harmonic mean ({@code 0} if both are {@code 0}), and
     * joint EM the product of the two EMs.
     *
     * <p>Joint F1 is computed from the joint precision and recall, not as the product of the two F1s;
     * the two differ in general.
     */
    public static MatchScore joint(MatchScore answer, MatchScore support) {
        double precision = answer.precision() * support.precision();
        double recall = answer.recall() * support.recall();
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return new MatchScore(answer.em() * support.em(), f1, precision, recall);
    }
}
