package compactqa.metrics;

import static compactqa.metrics.ScoreAssertions.assertScore;

import org.junit.jupiter.api.Test;

/** Pins {@link JointMetrics} to products worked out by hand, as HotpotQA's evaluation script. */
class JointMetricsTest {

    @Test
    void multipliesPrecisionsAndRecallsThenTakesTheirHarmonicMean() {
        MatchScore answer = new MatchScore(0, 2.0 / 3, 0.5, 1);
        MatchScore support = new MatchScore(0, 2.0 / 3, 1, 0.5);
        // P = 1/2 * 1 = 1/2, R = 1 * 1/2 = 1/2, F1 = 1/2: not the product of the F1s (4/9).
        assertScore(JointMetrics.joint(answer, support), 0, 0.5, 0.5, 0.5);
    }

    @Test
    void partialAnswerWithPartialSupport() {
        // Answer "Shirley Temple Black" vs "Shirley Temple": P 2/3, R 1. Support tp 2, fp 1, fn 1: P = R = 2/3.
        MatchScore answer = new MatchScore(0, 0.8, 2.0 / 3, 1);
        MatchScore support = new MatchScore(0, 2.0 / 3, 2.0 / 3, 2.0 / 3);
        // P = 4/9, R = 2/3, F1 = 2 * (4/9) * (2/3) / (4/9 + 6/9) = (16/27) / (10/9) = 8/15.
        assertScore(JointMetrics.joint(answer, support), 0, 8.0 / 15, 4.0 / 9, 2.0 / 3);
    }

    @Test
    void exactOnlyWhenBothAreExact() {
        MatchScore exact = new MatchScore(1, 1, 1, 1);
        assertScore(JointMetrics.joint(exact, exact), 1, 1, 1, 1);
        // Support tp 1, fp 0, fn 1: P 1, R 1/2. Joint P 1, R 1/2, F1 2/3, EM 1 * 0 = 0.
        assertScore(JointMetrics.joint(exact, new MatchScore(0, 2.0 / 3, 1, 0.5)), 0, 2.0 / 3, 1, 0.5);
    }

    @Test
    void noOverlapGivesZeroRatherThanDividingByZero() {
        assertScore(JointMetrics.joint(MatchScore.ZERO, new MatchScore(1, 1, 1, 1)), 0, 0, 0, 0);
    }

    @Test
    void emptySupportAgainstEmptyGoldKeepsTheScriptsQuirk() {
        // SupportMetrics scores empty vs empty as EM 1, P = R = 0: joint EM 1 * 1 = 1, joint P = R = F1 = 0.
        MatchScore support = SupportMetrics.score(java.util.Set.of(), java.util.Set.of());
        assertScore(JointMetrics.joint(new MatchScore(1, 1, 1, 1), support), 1, 0, 0, 0);
    }
}
