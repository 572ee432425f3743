package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrecisionTrialTest {

    private static PrecisionTrial.Arm arm(String reader, String compressor, double readerRetention, double activeRetention, double ms) {
        return new PrecisionTrial.Arm(reader, compressor, 60, readerRetention, 1, 10, 50, activeRetention, 1, ms,
                PrecisionTrial.admitted(readerRetention, activeRetention));
    }

    @Test
    void bothModelsMustKeepNinetyNinePercent() {
        assertTrue(PrecisionTrial.admitted(0.99, 1.005));
        assertFalse(PrecisionTrial.admitted(0.968, 1.0), "a reader that loses 3% is not admitted, however the loop fares");
        assertFalse(PrecisionTrial.admitted(1.0, 0.966));
    }

    @Test
    void theFastestAdmittedArmIsChosen() {
        PrecisionTrial.Arm fp32 = arm("fp32", "fp32", 1, 1, 433);
        PrecisionTrial.Arm compressorInt8 = arm("fp32", "int8", 1, 1.005, 205);
        PrecisionTrial.Arm readerInt8 = arm("int8", "fp32", 0.968, 0.946, 371);
        PrecisionTrial.Arm bothInt8 = arm("int8", "int8", 0.968, 0.966, 204);
        assertEquals(compressorInt8, PrecisionTrial.choose(List.of(fp32, compressorInt8, readerInt8, bothInt8)));
        assertEquals(fp32, PrecisionTrial.choose(List.of(fp32, readerInt8, bothInt8)), "fp32 serves when nothing faster keeps enough");
    }
}
