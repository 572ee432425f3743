package compactqa.qa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How the active loop reads with one compressor, chosen on its recipe's validation questions
 * ({@code qa train loop}) and kept beside it as {@value #FILE}: documents per step, most steps,
 * the probability a sentence needs to become evidence, and the sufficiency that stops the reading
 * (1 never stops early), and the probability an evidence sentence needs to be named as supporting
 * the answer. The configuration, where it sets them, and a request still come first.
 *
 * @param report how they were chosen: the rule, the grid's figures, the provenance
 */
public record LoopSettings(int segmentSize, int maxSteps, double sentenceThreshold, double sufficiencyThreshold,
                           double supportThreshold, Map<String, Object> report) {

    /** The file in a compressor's folder. */
    public static final String FILE = "loop.json";
    /**
     * Where neither the configuration nor the compressor says: two documents per step for five steps,
     * sentences, stopping and support at one half.
     */
    public static final LoopSettings BUILT_IN = new LoopSettings(2, 5, 0.5, 0.5, 0.5, Map.of());

    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public LoopSettings {
        if (segmentSize < 1 || maxSteps < 1 || !(sufficiencyThreshold >= 0 && sufficiencyThreshold <= 1)
                || !(sentenceThreshold >= 0 && sentenceThreshold <= 1) || !(supportThreshold >= 0 && supportThreshold <= 1)) {
            throw new IllegalArgumentException("a loop reads at least one document in at least one step, and its thresholds are probabilities");
        }
        report = report == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(report));
    }

    /** The settings in compressor folder {@code dir}, or {@link #BUILT_IN} where it has none. */
    public static LoopSettings read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return BUILT_IN;
        }
        JsonNode node = JSON.readTree(file.toFile());
        if (!node.path("segment_size").isInt() || !node.path("sufficiency_threshold").isNumber()) {
            throw new IOException(file + " names no segment_size and sufficiency_threshold");
        }
        // files written before the loop chose steps and thresholds keep the built-in ones, and name all evidence
        double sentence = node.path("sentence_threshold").asDouble(BUILT_IN.sentenceThreshold);
        return new LoopSettings(node.get("segment_size").asInt(), node.path("max_steps").asInt(BUILT_IN.maxSteps),
                sentence, node.get("sufficiency_threshold").asDouble(), node.path("support_threshold").asDouble(sentence),
                JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }

    /** Writes these settings, with the report after them, into compressor folder {@code dir}, atomically. */
    public void write(Path dir) throws IOException {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("segment_size", segmentSize);
        out.put("max_steps", maxSteps);
        out.put("sentence_threshold", sentenceThreshold);
        out.put("support_threshold", supportThreshold);
        out.put("sufficiency_threshold", sufficiencyThreshold);
        report.forEach(out::putIfAbsent);
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), out);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether these came from a file (not the built-in defaults). */
    public boolean chosen() {
        return this != BUILT_IN;
    }

    /** The configured value where the configuration sets one, else this loop's. */
    int segmentSize(Optional<Integer> configured) {
        return configured.orElse(segmentSize);
    }

    double sufficiencyThreshold(Optional<Double> configured) {
        return configured.orElse(sufficiencyThreshold);
    }

    int maxSteps(Optional<Integer> configured) {
        return configured.orElse(maxSteps);
    }

    double sentenceThreshold(Optional<Double> configured) {
        return configured.orElse(sentenceThreshold);
    }

    double supportThreshold(Optional<Double> configured) {
        return configured.orElse(supportThreshold);
    }
}
