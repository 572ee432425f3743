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
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.eval.ModelProvenance;

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

    private static String sha(String model) throws IOException {
        return new ObjectMapper().readTree(Path.of(model, "model.json").toFile()).path("sha256").asText();
    }

    @Test
    void aRecordedCompressionReRunsIntoScratchOnItsFirstQuestions() throws IOException {
        RecordedCommand c = RecordedCommand.of("./qa compress --model models/reader --method int8 --limit 7");
        assertEquals(RecordedCommand.Kind.COMPRESS, c.kind());
        assertArrayEquals(new String[] {"compress", "--model", "models/reader", "--method", "int8", "--output", "/w", "--out", "/w/model",
                "--limit", "100"}, c.rerun(Path.of("/w"), true));
        assertArrayEquals(new String[] {"compress", "--model", "models/reader", "--method", "int8", "--limit", "7", "--output", "/w",
                "--out", "/w/model"}, c.rerun(Path.of("/w"), false));
        UnaryOperator<Path> here = p -> Path.of("").toAbsolutePath().resolve(p);
        String shipped = "{\"sha256\": \"" + sha("models/reader") + "\"}";
        assertNull(ModelProvenance.check(c.models(), here, "abc", (commit, path) -> shipped), "models/reader is in the tree, as it was");
        assertNull(ModelProvenance.check(c.models(), here, "abc", (commit, path) -> ""), "where git cannot tell, the model counts as the same");
        ModelProvenance.Unavailable replaced = ModelProvenance.check(c.models(), here, "abc-dirty", (commit, path) -> "{\"sha256\": \"0123456789abcdef\"}");
        assertEquals("REPLACED", replaced.status());
        assertTrue(replaced.reason().contains("git checkout abc -- models/reader"), replaced.reason());
        ModelProvenance.Unavailable missing = ModelProvenance.check(
                RecordedCommand.of("./qa eval compressed --original models/reader --model models/gone").models(), here, "abc", (commit, path) -> shipped);
        assertEquals("MISSING", missing.status());
        assertTrue(missing.reason().startsWith("models/gone "), missing.reason());
        assertEquals(List.of("models/reader", "models/compressor"), RecordedCommand.of("./qa eval qa --dataset d").models(),
                "a QA run reads the service's pair");
        assertEquals(RecordedCommand.Kind.ENCODER, RecordedCommand.of("./qa bench encoder").kind());
        assertThrows(IllegalArgumentException.class, () -> RecordedCommand.of("rm -rf /"));
    }
}
