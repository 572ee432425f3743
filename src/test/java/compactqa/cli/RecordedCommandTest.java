package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordedCommandTest {

    @Test
    void theModelsAreThoseItsOptionsNameAndTheyCanBePointedElsewhere() {
        RecordedCommand c = RecordedCommand.of("./qa eval compressed --original models/reader --model models/compressed/x --name x");
        assertEquals(List.of("models/reader", "models/compressed/x"), c.models());
        RecordedCommand moved = c.withModels(Map.of("models/reader", Path.of("/tmp/at/models/reader")));
        assertEquals(List.of("/tmp/at/models/reader", "models/compressed/x"), moved.models());
        assertEquals(List.of("eval", "compressed", "--original", "/tmp/at/models/reader", "--model", "models/compressed/x", "--name", "x",
                "--output", "/w"), List.of(moved.rerun(Path.of("/w"), false)));
    }

    @Test
    void aQaRunReadsTheServicesPair() {
        assertEquals(List.of("models/reader", "models/compressor"),
                RecordedCommand.of("./qa eval qa --dataset d.json --setting distractor").models());
    }

    @Test
    void aQaRunIsPinnedToThePrecisionsItRecorded() {
        RecordedCommand qa = RecordedCommand.of("./qa eval qa --dataset d.json --setting distractor --compare-precision int8");
        assertEquals(List.of("eval", "qa", "--dataset", "d.json", "--setting", "distractor", "--compare-precision", "int8", "--precision",
                "fp32", "--output", "/w"), List.of(qa.atPrecision("fp32").rerun(Path.of("/w"), false)));
        // a command that named its precision keeps it; other commands have none to pin
        RecordedCommand named = RecordedCommand.of("./qa eval qa --dataset d.json --precision int8");
        assertEquals(List.of(named.rerun(Path.of("/w"), false)), List.of(named.atPrecision("fp32").rerun(Path.of("/w"), false)));
        RecordedCommand compress = RecordedCommand.of("./qa compress --model models/reader --method int8");
        assertEquals(List.of(compress.rerun(Path.of("/w"), false)), List.of(compress.atPrecision("fp32").rerun(Path.of("/w"), false)));
    }
}
