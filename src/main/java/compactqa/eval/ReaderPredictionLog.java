package compactqa.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every answer of a reader evaluation as a JSON line, for error analysis ({@code qa eval reader --predictions}). */
public final class ReaderPredictionLog implements AutoCloseable {

    /** One line. */
    public record Line(String set, String question, List<String> gold, String prediction, String type, double confidence,
                       double f1) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    public ReaderPredictionLog(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** The sink that writes the answers of {@code set}. */
    public ReaderEvaluation.Sink sink(String set) {
        return (item, prediction, score) -> {
            try {
                out.write(JSON.writeValueAsString(new Line(set, item.question(), item.answers(), prediction.text(),
                        prediction.type().name().toLowerCase(java.util.Locale.ROOT), ReaderEvaluation.round(prediction.confidence()),
                        ReaderEvaluation.round(score.f1()))));
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
