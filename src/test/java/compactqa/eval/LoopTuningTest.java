package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoopTuningTest {

    private static LoopTuning.Point point(int segment, double sufficiency, double f1, double se, double ms) {
        return new LoopTuning.Point(segment, sufficiency, f1, se, 0, 1, 0.1, ms);
    }

    @Test
    void theFastestSettingWithinOneStandardErrorOfTheBestIsChosen() {
        LoopTuning.Point best = point(2, 1.0, 50, 3, 600);
        LoopTuning.Point close = point(5, 0.9, 48, 3, 300);
        LoopTuning.Point fastButWorse = point(1, 0.5, 40, 3, 100);
        assertEquals(close, LoopTuning.choose(List.of(best, close, fastButWorse)));
        assertEquals(best, LoopTuning.choose(List.of(best, point(5, 0.9, 46.9, 3, 300))), "just outside one standard error");
        assertEquals(best, LoopTuning.choose(List.of(best)));
    }
}
