package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.Int4BlockLinear;
import compactqa.model.TestCheckpoints;

class Int4QuantizationTest {

    private static final Checkpoint TINY = TestCheckpoints.random(3);
    private static final String QUERY = BertNames.layer(0, "attention.self.query");

    @Test
    void everyLinearLayerBecomesCodesAndScalesWithinHalfAStepOfItsWeight() {
        Checkpoint q = new Int4Quantization((String) null, false).apply(TINY, Calibration.NONE);
        assertFalse(q.has(QUERY + ".weight"));
        assertTrue(q.has(QUERY + Int4BlockLinear.CODES) && q.has(QUERY + Int4BlockLinear.SCALES));
        assertTrue(q.has(BertNames.WORD_EMBEDDINGS), "the embeddings stay unless asked for");
        float[] original = TINY.tensor(QUERY + ".weight").floats();
        float[] back = Int4BlockLinear.dequantize(new Int4BlockLinear.Quantized(q.tensor(QUERY + Int4BlockLinear.CODES),
                q.tensor(QUERY + Int4BlockLinear.SCALES))).floats();
        float[] scales = q.tensor(QUERY + Int4BlockLinear.SCALES).floats();
        assertEquals(original.length, back.length);
        for (int i = 0; i < original.length; i++) {
            float scale = scales[i / Int4BlockLinear.BLOCK]; // one scale per block of an output row
            assertTrue(Math.abs(original[i] - back[i]) <= scale / 2 + 1e-6, "weight " + i + ": " + original[i] + " came back " + back[i]);
        }
        assertTrue(q.tensors().values().stream().mapToLong(t -> t.byteSize()).sum()
                < TINY.tensors().values().stream().mapToLong(t -> t.byteSize()).sum());
    }

    @Test
    void keptLayersStayAndEmbeddingsAreQuantizedWhenAsked() {
        Checkpoint q = new Int4Quantization(".*attention\\.self\\.query", true).apply(TINY, Calibration.NONE);
        assertTrue(q.has(QUERY + ".weight"), "kept as it was");
        assertFalse(q.has(BertNames.WORD_EMBEDDINGS));
        assertTrue(q.has(BertNames.WORD_EMBEDDINGS + ".q4") && q.has(BertNames.WORD_EMBEDDINGS + ".q4_scale"));
    }
}
