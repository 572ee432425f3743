package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes benchmark results as pretty, snake_case JSON, replacing the old file only once written. */
public final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ResultFiles() {
    }

    /**
     * Writes {@code result} to {@code file} through a temporary file and an atomic rename, with the
     * {@link Machine} it was measured on as {@code machine} (unless the result names one itself).
     */
    public static void write(Object result, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JsonNode tree = JSON.valueToTree(result);
        if (tree instanceof ObjectNode object && !object.has("machine")) {
            object.set("machine", JSON.valueToTree(Machine.current()));
        }
        JSON.writeValue(tmp.toFile(), tree);
        Files.writeString(tmp, "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static ObjectMapper json() {
        return JSON;
    }
}
