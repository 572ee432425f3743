package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The result file of {@code qa compress}: a compressed model against the model it came from,
 * measured in one run. The top-level figures are the compressed model's; {@code original} holds the
 * same figures for the uncompressed one, and {@code relative} their ratios. Written as snake_case
 * JSON to {@code eval/results/compress-<name>.json}.
 *
 * @param diskBytes    bytes of the compressed model's folder (all tensors, self-contained)
 * @param onnxBytes    bytes of the ONNX graph the runtime loads (where weights are widened at load,
 *                     for example 4-bit embeddings, this is the in-memory size)
 * @param threads      ONNX Runtime threads per call the unsuffixed latencies were measured at
 * @param latencyMsP50 p50 milliseconds of one encoder call with the heads, by {@code batch x sequence}
 *                     at {@code threads}, and suffixed {@code _1t} at one thread
 * @param metrics      the task metrics, as the model's {@code metrics.json} names them
 * @param layers       how each linear layer is held, by name
 * @param relative     {@code disk_share} (compressed over original), {@code speedup_<shape>}
 *                     (original p50 over compressed), {@code <metric>_retention} (compressed over original),
 *                     {@code trainable_share} (the parameters the compressed model's training updated over
 *                     all the original's parameters), and where both sides' trainings measured their steps' memory, {@code peak_step_memory_share}
 *                     and {@code training_seconds_ratio} (compressed over original)
 * @param training     how the compressed model was trained, from its {@code training.json}; null for a
 *                     model compressed without training
 * @param prefix       the task metrics at the size {@code qa eval verify} re-runs; null for a run no larger
 */
public record CompressionBenchResult(
        String command,
        String commit,
        String date,
        String java,
        int cpus,
        int threads,
        String name,
        String model,
        String task,
        String method,
        String params,
        int questions,
        long diskBytes,
        long onnxBytes,
        Map<String, Double> latencyMsP50,
        Map<String, Double> metrics,
        Side original,
        Map<String, Double> relative,
        Map<String, String> layers,
        String wordEmbeddings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Training training,
        @JsonInclude(JsonInclude.Include.NON_NULL) Prefix prefix) {

    /**
     * The task metrics over the first {@link ResultVerifier#PREFIX_QUESTIONS} questions of each set,
     * which {@code qa eval verify} reproduces at that size.
     *
     * @param questions        questions counted, over both sets
     * @param metrics          the compressed model's
     * @param originalMetrics  the original's
     */
    public record Prefix(int questions, Map<String, Double> metrics, Map<String, Double> originalMetrics) {
    }

    /**
     * The uncompressed model's figures.
     *
     * @param diskBytes bytes of its tensors saved in fp32 as one self-contained checkpoint
     * @param training  how it was trained, or null
     */
    public record Side(long diskBytes, long onnxBytes, Map<String, Double> latencyMsP50, Map<String, Double> metrics,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Training training) {
    }

    /**
     * A model's training run, as its {@code training.json} records it (the last stage's, for a model
     * trained in stages).
     *
     * @param activationCompression the compressed-activation mode's share of each linear layer's input
     *                              width kept for the backward pass; 0 for standard training
     * @param peakStepBytes         the most resident memory one step added, or -1 for runs that did not measure it
     * @param peakRssBytes          the training processes' peak resident memory, or -1
     * @param mallocMmapThreshold   the C allocator's fixed mmap threshold the run had, or null (adaptive)
     * @param threads               the training engine's intra-op threads; 0 for runs that did not record
     *                              them, -1 where resumptions ran at different ones
     * @param meanLoad              the machine's mean one-minute load average over the steps, or -1
     */
    public record Training(long steps, double seconds, long trainableParameters, double activationCompression,
                           long peakStepBytes, long peakRssBytes, String mallocMmapThreshold, int threads, double meanLoad) {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

        /** The training of the model in {@code dir}, or null where it has no {@code training.json}. */
        static Training read(Path dir) throws IOException {
            Path file = dir.resolve("training.json");
            if (!Files.exists(file)) {
                return null;
            }
            JsonNode t = JSON.readTree(file.toFile());
            JsonNode recipe = recipe(t);
            JsonNode threshold = t.path("malloc_mmap_threshold");
            return new Training(t.path("steps").asLong(), t.path("seconds").asDouble(), t.path("trainable_parameters").asLong(),
                    recipe == null ? 0 : recipe.path("activation_compression").asDouble(0),
                    t.path("peak_step_bytes").asLong(-1), t.path("peak_rss_bytes").asLong(-1),
                    threshold.isTextual() ? threshold.asText() : null, t.path("threads").asInt(0), t.path("mean_load").asDouble(-1));
        }

        /** Whether the model in {@code dir} was trained in the compressed-activation mode. */
        public static boolean withCompressedActivations(Path dir) throws IOException {
            Training t = read(dir);
            return t != null && t.activationCompression() > 0;
        }

        /** Whether the model in {@code dir} was trained as Compacter adapters on its frozen base. */
        public static boolean asAdapters(Path dir) throws IOException {
            Path file = dir.resolve("training.json");
            if (!Files.exists(file)) {
                return false;
            }
            JsonNode recipe = recipe(JSON.readTree(file.toFile()));
            return recipe != null && recipe.hasNonNull("adapters");
        }

        /** The recipe a {@code training.json} records, or null where it records none. */
        private static JsonNode recipe(JsonNode training) throws IOException {
            return YAML.readTree(training.path("recipe").asText(""));
        }

        /** Whether the run measured its steps' memory. */
        boolean measuredSteps() {
            return peakStepBytes > 0;
        }
    }
}
