package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import compactqa.qa.CompressionSettings;

class LoopTuningTest {

    private static final CompressionSettings BASE = new CompressionSettings(2, 5, 200, 0.5, 0.5);

    private static LoopTuning.Measured measured(int segment, double ms, double... f1s) {
        return new LoopTuning.Measured(BASE.with(segment, null, null, null, null, null), f1s, 0, 1, 0.1, ms, List.of());
    }

    @Test
    void theFastestSettingWithinOnePairedStandardErrorOfTheBestIsChosen() {
        LoopTuning.Measured best = measured(2, 600, 100, 0, 100, 0, 100, 0);
        // behind on one question of six: mean 16.7, paired standard error 16.7, so within it
        LoopTuning.Measured close = measured(3, 300, 100, 0, 100, 0, 0, 0);
        // behind on three: mean 50, standard error 22.4
        LoopTuning.Measured fastButWorse = measured(1, 100, 0, 0, 0, 0, 100, 0);
        List<LoopTuning.Point> points = LoopTuning.points(List.of(best, close, fastButWorse));
        assertEquals(16.67, points.get(1).behindBest());
        assertEquals(16.67, points.get(1).behindStdError());
        assertEquals(3, LoopTuning.choose(points).segmentSize());
        assertEquals(0, points.get(0).behindBest());
        assertEquals(2, LoopTuning.choose(LoopTuning.points(List.of(best, fastButWorse))).segmentSize(), "outside one standard error");
        assertEquals(2, LoopTuning.choose(LoopTuning.points(List.of(best))).segmentSize());
    }

    @Test
    void theSameMeansOnDifferentQuestionsAreFarApartWhenPairedAlthoughTheirOwnErrorsOverlap() {
        // each mean's standard error is large, but every question moves the same way
        LoopTuning.Measured best = measured(2, 600, 60, 80, 100, 40, 90, 70);
        LoopTuning.Measured worse = measured(1, 100, 50, 70, 90, 30, 80, 60);
        List<LoopTuning.Point> points = LoopTuning.points(List.of(best, worse));
        assertEquals(10, points.get(1).behindBest());
        assertEquals(0, points.get(1).behindStdError());
        assertEquals(2, LoopTuning.choose(points).segmentSize());
    }

    @Test
    void theGridAnswersEachCombinationOnceWithStepsCoveringTheDocuments() {
        LoopTuning.Grid grid = new LoopTuning.Grid(List.of(1, 2), List.of(5, 10), List.of(0.5), List.of(1.0));
        List<CompressionSettings> settings = grid.settings(BASE);
        assertEquals(List.of(5, 10, 3, 5), settings.stream().map(CompressionSettings::maxSteps).toList());
        assertEquals(4, new LoopTuning.Grid(List.of(1, 2), List.of(5, 10, 10), List.of(0.5), List.of(1.0)).settings(BASE).size());
    }
}
