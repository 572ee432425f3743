package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class CompressionBenchResultTrainingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path trained(Path dir, String recipe) throws Exception {
        Files.writeString(dir.resolve("training.json"), JSON.createObjectNode().put("recipe", recipe).put("steps", 460)
                .put("trainable_parameters", 27589).toString());
        return dir;
    }

    @Test
    void tellsAdapterAndCompressedActivationTrainingsFromPlainOnes(@TempDir Path tmp) throws Exception {
        Path adapters = trained(Files.createDirectory(tmp.resolve("a")), "task: reader\nadapters:\n  n: 4\n  bottleneck: 48\n");
        Path compact = trained(Files.createDirectory(tmp.resolve("c")), "task: reader\nactivation_compression: 0.25\n");
        Path plain = trained(Files.createDirectory(tmp.resolve("p")), "task: reader\n");

        assertTrue(CompressionBenchResult.Training.asAdapters(adapters));
        assertFalse(CompressionBenchResult.Training.asAdapters(compact));
        assertFalse(CompressionBenchResult.Training.asAdapters(plain));
        assertTrue(CompressionBenchResult.Training.withCompressedActivations(compact));
        assertFalse(CompressionBenchResult.Training.withCompressedActivations(adapters));
        assertEquals(27589, CompressionBenchResult.Training.read(adapters).trainableParameters());
    }

    @Test
    void aModelWithoutTrainingRecordIsNeither(@TempDir Path tmp) throws Exception {
        assertFalse(CompressionBenchResult.Training.asAdapters(tmp));
        assertFalse(CompressionBenchResult.Training.withCompressedActivations(tmp));
        assertNull(CompressionBenchResult.Training.read(tmp));
    }
}
