package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A trained model opened for serving: its own lengths, the caller's runtime settings. */
class ModelArtifactOpenIT {

    @Test
    void theCallersRuntimeOptionsReachTheEncoderAndTheModelKeepsItsLengths() throws IOException {
        ModelArtifact reader = ModelArtifact.load(Path.of("models/reader"));
        // the arena setting was once dropped here, so the service never shrank its arena
        try (Encoder encoder = reader.open(EncoderParityIT.CACHE, new EncoderOptions(64, 16, 1, "basic", 1000), Precision.FP32)) {
            EncoderOptions used = encoder.options();
            assertEquals(1000, used.shrinkArenaAbove());
            assertEquals(1, used.threads());
            assertEquals("basic", used.optimization());
            assertEquals(reader.manifest().maxLength(), used.maxLength());
            assertEquals(reader.manifest().stride(), used.stride());
        }
    }
}
