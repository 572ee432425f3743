package compactqa.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.EncoderConfig;
import compactqa.model.TestCheckpoints;

class LayerDroppingTest {

    private static final Checkpoint SIX = TestCheckpoints.random(new EncoderConfig(6, 32, 2, 64, 50, 16, 2, 1e-12), 5);

    @Test
    void keepsEveryNthLayerRenumberedAndEverythingElse() {
        Checkpoint three = new LayerDropping(3).apply(SIX, Calibration.NONE);
        assertEquals(3, three.config().layers());
        String query = "attention.self.query.weight";
        // layers 0, 2 and 4 become 0, 1 and 2
        assertArrayEquals(SIX.tensor(BertNames.layer(0, query)).floats(), three.tensor(BertNames.layer(0, query)).floats());
        assertArrayEquals(SIX.tensor(BertNames.layer(2, query)).floats(), three.tensor(BertNames.layer(1, query)).floats());
        assertArrayEquals(SIX.tensor(BertNames.layer(4, query)).floats(), three.tensor(BertNames.layer(2, query)).floats());
        assertFalse(three.has(BertNames.layer(3, query)));
        assertArrayEquals(SIX.tensor(BertNames.WORD_EMBEDDINGS).floats(), three.tensor(BertNames.WORD_EMBEDDINGS).floats());
        assertEquals(2, new LayerDropping(2).apply(SIX, Calibration.NONE).config().layers());
    }

    @Test
    void refusesWhatCannotBeKeptEvenly() {
        assertThrows(IllegalArgumentException.class, () -> new LayerDropping(4).apply(SIX, Calibration.NONE));
        assertThrows(IllegalArgumentException.class, () -> new LayerDropping(6).apply(SIX, Calibration.NONE));
        assertThrows(IllegalArgumentException.class, () -> new LayerDropping(0));
    }
}
