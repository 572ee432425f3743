package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Commands stay thin, and verify re-runs a recorded command without writing into the project. */
class ThinCommandsTest {

    @Test
    void noCommandClassIsOver120Lines() throws IOException {
        List<Path> commands;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/compactqa/cli"))) {
            commands = files.filter(p -> p.getFileName().toString().endsWith("Command.java")).toList();
        }
        assertTrue(commands.size() > 10);
        for (Path p : commands) {
            long lines = Files.readAllLines(p).size();
            assertTrue(lines <= 120, p + " has " + lines + " lines: move what is not parsing and calling into its package");
        }
    }

    @Test
    void aRecordedCompressionReRunsIntoScratchOnItsFirstQuestions() {
        RecordedCommand c = RecordedCommand.of("./qa compress --model models/reader --method int8 --limit 7");
        assertEquals(RecordedCommand.Kind.COMPRESS, c.kind());
        assertArrayEquals(new String[] {"compress", "--model", "models/reader", "--method", "int8", "--output", "/w", "--out", "/w/model",
                "--limit", "100"}, c.rerun(Path.of("/w"), true));
        assertArrayEquals(new String[] {"compress", "--model", "models/reader", "--method", "int8", "--limit", "7", "--output", "/w",
                "--out", "/w/model"}, c.rerun(Path.of("/w"), false));
        assertNull(c.missingModel(p -> Path.of("").toAbsolutePath().resolve(p)), "models/reader is in the tree");
        assertEquals("models/gone", RecordedCommand.of("./qa eval compressed --original models/reader --model models/gone")
                .missingModel(p -> Path.of("").toAbsolutePath().resolve(p)));
        assertEquals(RecordedCommand.Kind.ENCODER, RecordedCommand.of("./qa bench encoder").kind());
        assertThrows(IllegalArgumentException.class, () -> RecordedCommand.of("rm -rf /"));
    }
}
