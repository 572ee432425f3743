package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aCompressorWithoutLoopJsonReadsAsBuiltInAndOneWithItAsChosen() throws IOException {
        assertSame(LoopSettings.BUILT_IN, LoopSettings.read(dir));
        assertFalse(LoopSettings.read(dir).chosen());
        new LoopSettings(3, 4, 0.3, 0.9, 0.6, Map.of("rule", "one standard error", "questions", 200)).write(dir);
        LoopSettings read = LoopSettings.read(dir);
        assertTrue(read.chosen());
        assertEquals(3, read.segmentSize());
        assertEquals(0.9, read.sufficiencyThreshold());
        assertEquals(4, read.maxSteps());
        assertEquals(0.3, read.sentenceThreshold());
        assertEquals(0.6, read.supportThreshold());
        assertEquals(200, read.report().get("questions"));
        assertFalse(Files.exists(dir.resolve(LoopSettings.FILE + ".tmp")), "written atomically");
    }

    @Test
    void theConfigurationWhereItSaysComesFirst() {
        LoopSettings loop = new LoopSettings(3, 4, 0.3, 0.9, 0.6, Map.of());
        assertEquals(3, loop.segmentSize(Optional.empty()));
        assertEquals(1, loop.segmentSize(Optional.of(1)));
        assertEquals(0.9, loop.sufficiencyThreshold(Optional.empty()));
        assertEquals(0.5, loop.sufficiencyThreshold(Optional.of(0.5)));
        assertEquals(4, loop.maxSteps(Optional.empty()));
        assertEquals(6, loop.maxSteps(Optional.of(6)));
        assertEquals(0.3, loop.sentenceThreshold(Optional.empty()));
        assertEquals(0.6, loop.sentenceThreshold(Optional.of(0.6)));
        assertEquals(0.6, loop.supportThreshold(Optional.empty()));
        assertEquals(0.8, loop.supportThreshold(Optional.of(0.8)));
    }

    @Test
    void aLoopJsonFromBeforeStepsAndSentencesWereChosenKeepsTheBuiltInOnes() throws IOException {
        Files.writeString(dir.resolve(LoopSettings.FILE), "{\"segment_size\": 1, \"sufficiency_threshold\": 1.0}");
        LoopSettings read = LoopSettings.read(dir);
        assertEquals(1, read.segmentSize());
        assertEquals(LoopSettings.BUILT_IN.maxSteps(), read.maxSteps());
        assertEquals(LoopSettings.BUILT_IN.sentenceThreshold(), read.sentenceThreshold());
        assertEquals(read.sentenceThreshold(), read.supportThreshold(), "all the evidence supports");
    }

    @Test
    void aLoopJsonWithoutTheSettingsIsAnErrorNamingTheFile() throws IOException {
        Files.writeString(dir.resolve(LoopSettings.FILE), "{\"rule\": \"x\"}");
        IOException e = assertThrows(IOException.class, () -> LoopSettings.read(dir));
        assertTrue(e.getMessage().contains(LoopSettings.FILE), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LoopSettings(0, 5, 0.5, 0.5, 0.5, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new LoopSettings(1, 0, 0.5, 0.5, 0.5, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new LoopSettings(1, 5, 1.5, 0.5, 0.5, Map.of()));
    }
}
