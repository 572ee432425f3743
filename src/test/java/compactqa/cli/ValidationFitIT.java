package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * A fit beside a model ({@code qa train calibrate} here) scores at the precision it is asked for, or
 * else at the service's, and says which in what it writes: thresholds fitted on fp32 scores are
 * read with int8 ones when the service runs int8.
 */
@QuarkusTest
class ValidationFitIT {

    @Inject
    CdiCommandFactory factory;

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = QaCommandLine.commandLine(factory);
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theFitRecordsThePrecisionItScoredAt() throws IOException {
        Path model = copyOfTheReader();
        // held-out multi-hop questions: each is read over its gold paragraphs and four evidence contexts
        Path recipeFile = tmp.resolve("reader-fit.yaml");
        Files.writeString(recipeFile, """
                task: reader
                base: all-minilm-l6-v2
                seed: 7
                max_length: 128
                stride: 32
                batch_size: 4
                epochs: 1
                max_steps: 1
                learning_rate: 0.0001
                warmup_ratio: 0.0
                weight_decay: 0.0
                max_grad_norm: 1.0
                dropout: 0.0
                checkpoint_every: 1
                validation_size: 24
                data:
                  - path: ../shared/data/hotpotqa/train-100.json.gz
                    repeat: 1
                    limit: 60
                    hold_out_articles: 0
                    negatives: 0
                work_dir: target/validation-fit/work
                output: target/validation-fit/reader
                """);
        String recipe = recipeFile.toString();
        assertEquals(0, run("train", "calibrate", "--recipe", recipe, "--model", model.toString(), "--precision", "int8"), err.toString());
        JsonNode int8 = report(model);
        assertEquals("int8", int8.path("precision").asText());

        assertEquals(0, run("train", "calibrate", "--recipe", recipe, "--model", model.toString()), err.toString());
        JsonNode served = report(model);
        assertEquals("fp32", served.path("precision").asText(), "the service reads with an fp32 reader");
        // int8 shifts the scores the calibration is fitted on
        assertNotEquals(int8.path("ece_before").asDouble(), served.path("ece_before").asDouble());

        assertEquals(2, run("train", "calibrate", "--recipe", recipe, "--model", model.toString(), "--precision", "int3"));
    }

    private Path copyOfTheReader() throws IOException {
        Path copy = tmp.resolve("reader");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("models/reader"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static JsonNode report(Path model) throws IOException {
        return new ObjectMapper().readTree(model.resolve("calibration.json").toFile()).path("report");
    }
}
