package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.model.ConfidenceCalibration;

class PlattScalingTest {

    /** Raw confidences whose true chance of being right is sigmoid(0.5 * logit(raw) - 1). */
    private static List<PlattScaling.Sample> overconfident(int n, long seed) {
        Random random = new Random(seed);
        List<PlattScaling.Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double raw = random.nextDouble();
            double p = 1 / (1 + Math.exp(-(0.5 * ConfidenceCalibration.logit(raw) - 1)));
            samples.add(new PlattScaling.Sample(raw, random.nextDouble() < p));
        }
        return samples;
    }

    @Test
    void recoversTheLineThatMadeTheData() {
        PlattScaling.Line line = PlattScaling.fit(overconfident(20_000, 1));
        assertEquals(0.5, line.slope(), 0.05);
        assertEquals(-1, line.intercept(), 0.08);
    }

    @Test
    void calibrationLowersTheErrorOnFreshData() {
        PlattScaling.Line line = PlattScaling.fit(overconfident(5_000, 2));
        ConfidenceCalibration c = new ConfidenceCalibration(line.slope(), line.intercept(), 1, 0, null);
        List<ReaderCalibration.Reading> fresh = overconfident(5_000, 3).stream()
                .map(s -> new ReaderCalibration.Reading(s.raw(), AnswerType.SPAN, s.correct())).toList();
        double before = ReaderCalibration.ece(fresh, ConfidenceCalibration.IDENTITY);
        double after = ReaderCalibration.ece(fresh, c);
        assertTrue(before > 0.15, "the data is overconfident: " + before);
        assertTrue(after < 0.03, "calibrated: " + after);
    }

    @Test
    void tooFewOrOneSidedSamplesKeepTheIdentity() {
        assertEquals(new PlattScaling.Line(1, 0), PlattScaling.fit(overconfident(5, 4)));
        assertEquals(new PlattScaling.Line(1, 0), PlattScaling.fit(List.of(new PlattScaling.Sample(0.3, true),
                new PlattScaling.Sample(0.2, true), new PlattScaling.Sample(0.9, true), new PlattScaling.Sample(0.1, true),
                new PlattScaling.Sample(0.3, true), new PlattScaling.Sample(0.2, true), new PlattScaling.Sample(0.9, true),
                new PlattScaling.Sample(0.1, true), new PlattScaling.Sample(0.5, true), new PlattScaling.Sample(0.6, true))));
    }

    private static List<ReaderCalibration.Reading> readings(List<PlattScaling.Sample> samples) {
        return samples.stream().map(s -> new ReaderCalibration.Reading(s.raw(), AnswerType.SPAN, s.correct())).toList();
    }

    @Test
    void anOverconfidentReaderKeepsPlattScalingMeasuredOnTheOtherFold() {
        java.util.Map<String, Object> report = new java.util.LinkedHashMap<>();
        ConfidenceCalibration c = ReaderCalibration.calibrate(readings(overconfident(2_000, 5)), report);
        assertEquals("platt", report.get("chosen"));
        assertTrue((Double) report.get("ece_after") < (Double) report.get("ece_before"), report.toString());
        assertTrue(Math.abs(c.spanSlope() - 0.5) < 0.15, "fitted on all readings: " + c.spanSlope());
    }

    @Test
    void aReaderAlreadyCalibratedKeepsItsRawConfidence() {
        // right with exactly the probability it states: a fitted line can only add noise
        Random random = new Random(6);
        List<PlattScaling.Sample> honest = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double raw = random.nextDouble();
            honest.add(new PlattScaling.Sample(raw, random.nextDouble() < raw));
        }
        java.util.Map<String, Object> report = new java.util.LinkedHashMap<>();
        ConfidenceCalibration c = ReaderCalibration.calibrate(readings(honest), report);
        if ("identity".equals(report.get("chosen"))) {
            assertEquals(1, c.spanSlope());
            assertEquals(0, c.spanIntercept());
            assertEquals(report.get("ece_before"), report.get("ece_after"));
        } else {
            assertTrue((Double) report.get("ece_platt") < (Double) report.get("ece_before"), report.toString());
        }
        assertTrue((Double) report.get("ece_after") <= (Double) report.get("ece_before"), "never worse than raw: " + report);
    }
}
