package compactqa.metrics;

import static compactqa.metrics.ScoreAssertions.assertScore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreMeanTest {

    @Test
    void averagesEachValueOnItsOwn() {
        ScoreMean mean = new ScoreMean();
        mean.add(new MatchScore(1, 1, 1, 1));
        mean.add(new MatchScore(0, 0.5, 0.25, 1));
        mean.add(MatchScore.ZERO);
        assertEquals(3, mean.count());
        // EM (1 + 0 + 0) / 3, F1 (1 + 1/2 + 0) / 3 = 1/2, P (1 + 1/4 + 0) / 3 = 5/12, R (1 + 1 + 0) / 3 = 2/3.
        assertScore(mean.mean(), 1.0 / 3, 0.5, 5.0 / 12, 2.0 / 3);
    }

    @Test
    void meanOfNothingIsAnError() {
        ScoreMean mean = new ScoreMean();
        assertEquals(0, mean.count());
        assertThrows(IllegalStateException.class, mean::mean);
    }
}
