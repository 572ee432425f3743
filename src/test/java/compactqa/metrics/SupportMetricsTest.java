package compactqa.metrics;

import static compactqa.metrics.ScoreAssertions.assertScore;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import compactqa.dataset.QaExample.SupportingFact;

/** Pins {@link SupportMetrics} to tp / fp / fn counted by hand, as HotpotQA's {@code update_sp}. */
class SupportMetricsTest {

    private static SupportingFact fact(String title, int sentence) {
        return new SupportingFact(title, sentence);
    }

    @Test
    void countsSentenceFacts() {
        Set<SupportingFact> predicted = Set.of(fact("A", 0), fact("A", 1), fact("B", 2));
        Set<SupportingFact> gold = Set.of(fact("A", 0), fact("B", 0), fact("B", 2));
        // tp 2 (A0, B2), fp 1 (A1), fn 1 (B0): P = R = 2/3, F1 = 2/3, EM 0.
        assertScore(SupportMetrics.score(predicted, gold), 0, 2.0 / 3, 2.0 / 3, 2.0 / 3);
    }

    @Test
    void exactSetIsAFullMatch() {
        // A HashSet and an immutable set with the same facts: tp 2, fp 0, fn 0.
        Set<SupportingFact> predicted = new HashSet<>(List.of(fact("A", 0), fact("B", 3)));
        assertScore(SupportMetrics.score(predicted, Set.of(fact("B", 3), fact("A", 0))), 1, 1, 1, 1);
    }

    @Test
    void missingFactLowersRecall() {
        // tp 1, fp 0, fn 1: P 1, R 1/2, F1 = 1 / (3/2) = 2/3.
        assertScore(SupportMetrics.score(Set.of(fact("A", 0)), Set.of(fact("A", 0), fact("B", 1))),
                0, 2.0 / 3, 1, 0.5);
    }

    @Test
    void extraFactsLowerPrecision() {
        Set<SupportingFact> predicted = Set.of(fact("A", 0), fact("A", 1), fact("A", 2), fact("B", 3));
        // tp 1, fp 3, fn 0: P 1/4, R 1, F1 = (1/2) / (5/4) = 0.4.
        assertScore(SupportMetrics.score(predicted, Set.of(fact("A", 0))), 0, 0.4, 0.25, 1);
    }

    @Test
    void sameSentenceIndexInAnotherParagraphDoesNotMatch() {
        // tp 0, fp 1, fn 1.
        assertScore(SupportMetrics.score(Set.of(fact("A", 1)), Set.of(fact("B", 1))), 0, 0, 0, 0);
    }

    @Test
    void countsParagraphTitles() {
        // tp 1 (Paris), fp 1 (France), fn 1 (Eiffel Tower): P = R = F1 = 1/2.
        assertScore(SupportMetrics.score(Set.of("Paris", "France"), Set.of("Paris", "Eiffel Tower")),
                0, 0.5, 0.5, 0.5);
    }

    @Test
    void emptyPredictionScoresZero() {
        // tp 0, fp 0, fn 1: P's denominator is 0, so P 0; R 0/1 = 0.
        assertScore(SupportMetrics.score(Set.of(), Set.of("Paris")), 0, 0, 0, 0);
    }

    @Test
    void emptyPredictionAgainstEmptyGoldIsExactButScoresNoF1() {
        // tp = fp = fn = 0: both denominators 0, so P = R = F1 = 0; fp + fn == 0, so EM 1.
        assertScore(SupportMetrics.score(Set.of(), Set.of()), 1, 0, 0, 0);
    }
}
