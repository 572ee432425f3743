package compactqa.metrics;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Compares a {@link MatchScore} with hand-computed fractions, up to floating-point rounding. */
final class ScoreAssertions {

    private static final double TOLERANCE = 1e-12;

    private ScoreAssertions() {
    }

    static void assertScore(MatchScore actual, double em, double f1, double precision, double recall) {
        assertAll(actual.toString(),
                () -> assertEquals(em, actual.em(), TOLERANCE, "em"),
                () -> assertEquals(f1, actual.f1(), TOLERANCE, "f1"),
                () -> assertEquals(precision, actual.precision(), TOLERANCE, "precision"),
                () -> assertEquals(recall, actual.recall(), TOLERANCE, "recall"));
    }
}
