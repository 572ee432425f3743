package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import compactqa.corpus.AnswerType;

class ConfidenceCalibrationTest {

    @Test
    void theIdentityKeepsRawConfidences() {
        for (double p : new double[] {0.001, 0.3, 0.5, 0.97}) {
            assertEquals(p, ConfidenceCalibration.IDENTITY.apply(AnswerType.SPAN, p), 1e-9);
            assertEquals(p, ConfidenceCalibration.IDENTITY.apply(AnswerType.NO, p), 1e-9);
        }
    }

    @Test
    void spansAndYesNoHaveTheirOwnLinesAndExtremesStayFinite() {
        ConfidenceCalibration c = new ConfidenceCalibration(0.5, -1, 2, 0, Map.of());
        double span = c.apply(AnswerType.SPAN, 0.9);
        double yes = c.apply(AnswerType.YES, 0.9);
        assertEquals(1 / (1 + Math.exp(-(0.5 * Math.log(9) - 1))), span, 1e-9);
        assertTrue(yes > 0.9 && span < 0.9);
        assertTrue(c.apply(AnswerType.SPAN, 1.0) < 1 && c.apply(AnswerType.SPAN, 0.0) > 0);
        ReaderPrediction p = c.apply(new ReaderPrediction("Paris", AnswerType.SPAN, 0.9, 3, 8));
        assertEquals(span, p.confidence(), 1e-12);
        assertEquals("Paris", p.text());
    }

    @Test
    void roundTripsThroughItsFileAndAFolderWithoutOneIsTheIdentity(@TempDir Path dir) throws IOException {
        assertSame(ConfidenceCalibration.IDENTITY, ConfidenceCalibration.read(dir));
        ConfidenceCalibration c = new ConfidenceCalibration(0.7, -0.2, 1.3, 0.4, Map.of("ece_before", 0.21, "questions", 600));
        c.write(dir);
        assertTrue(Files.exists(dir.resolve(ConfidenceCalibration.FILE)));
        ConfidenceCalibration back = ConfidenceCalibration.read(dir);
        assertEquals(c.spanSlope(), back.spanSlope());
        assertEquals(c.yesNoIntercept(), back.yesNoIntercept());
        assertEquals(0.21, ((Number) back.report().get("ece_before")).doubleValue());
    }
}
