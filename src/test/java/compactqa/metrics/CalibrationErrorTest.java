package compactqa.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalibrationErrorTest {

    private static List<CalibrationError.Outcome> outcomes(double confidence, int right, int wrong) {
        List<CalibrationError.Outcome> out = new ArrayList<>();
        for (int i = 0; i < right; i++) {
            out.add(new CalibrationError.Outcome(confidence, true));
        }
        for (int i = 0; i < wrong; i++) {
            out.add(new CalibrationError.Outcome(confidence, false));
        }
        return out;
    }

    @Test
    void perfectlyCalibratedAnswersHaveNoError() {
        List<CalibrationError.Outcome> o = new ArrayList<>(outcomes(0.75, 3, 1));
        o.addAll(outcomes(0.25, 1, 3));
        assertEquals(0, CalibrationError.of(o, 10), 1e-12);
    }

    @Test
    void overconfidenceIsWeightedByItsShare() {
        // half the answers at 0.95 but right half the time (gap 0.45); the other half calibrated
        List<CalibrationError.Outcome> o = new ArrayList<>(outcomes(0.95, 2, 2));
        o.addAll(outcomes(0.05, 0, 4));
        assertEquals(0.5 * 0.45 + 0.5 * 0.05, CalibrationError.of(o, 10), 1e-12);
    }

    @Test
    void aConfidenceOfOneFallsInTheLastBin() {
        assertEquals(0, CalibrationError.of(outcomes(1.0, 5, 0), 10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CalibrationError.of(List.of(), 10));
    }
}
