package compactqa.metrics;

import static compactqa.metrics.ScoreAssertions.assertScore;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MatchScoreTest {

    @Test
    void zeroIsAllZeros() {
        assertScore(MatchScore.ZERO, 0, 0, 0, 0);
    }

    @Test
    void rejectsValuesOutsideTheUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> new MatchScore(1.5, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MatchScore(0, -0.1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MatchScore(0, 0, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new MatchScore(0, 0, 0, Double.POSITIVE_INFINITY));
    }
}
