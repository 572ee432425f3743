package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrecisionsTest {

    @Test
    void theIdNamesOnePrecisionWhenBothAgreeAndReadsBack() {
        assertEquals("fp32", Precisions.both(Precision.FP32).id());
        assertEquals("int8", Precisions.both(Precision.INT8).id());
        Precisions mixed = new Precisions(Precision.FP32, Precision.INT8);
        assertEquals("reader-fp32+compressor-int8", mixed.id());
        for (Precisions p : new Precisions[] {mixed, new Precisions(Precision.INT8, Precision.FP32), Precisions.both(Precision.INT8)}) {
            assertEquals(p, Precisions.of(p.id()));
        }
        assertEquals(Precisions.both(Precision.FP32), Precisions.of(" FP32 "));
    }

    @Test
    void int8AnywhereCounts() {
        assertTrue(new Precisions(Precision.FP32, Precision.INT8).anyInt8());
        assertFalse(Precisions.both(Precision.FP32).anyInt8());
    }

    @Test
    void malformedIdsAreRefusedWithTheirForm() {
        for (String bad : new String[] {"int3", "reader-fp32", "compressor-int8+reader-fp32", "reader-fp32+compressor-int4", "a+b+c", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precisions.of(bad), bad);
            assertTrue(e.getMessage().contains("fp32"), e.getMessage());
        }
    }
}
