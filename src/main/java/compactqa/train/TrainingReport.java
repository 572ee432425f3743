package compactqa.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code training.json} beside a trained model: the recipe, the data it saw, the steps and wall time,
 * and each epoch's loss and validation metrics, for the model card.
 */
public final class TrainingReport {

    public static final String FILE = "training.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** What the file holds. */
    /**
     * The report.
     *
     * @param peakRssBytes the training processes' peak resident memory ({@code VmHWM}) over every
     *                     resumption, or -1 where the system does not tell
     * @param peakStepBytes the most resident memory one training step added above what was resident
     *                     when it began (activations for the backward pass, gradients), or -1
     * @param mallocMmapThreshold the C allocator's fixed mmap threshold the run had, or null where it
     *                     adapted (then {@code peakStepBytes} can miss tensors kept from earlier steps)
     * @param threads      the training engine's intra-op threads (-1: resumptions ran at different ones)
     * @param meanLoad     the machine's mean one-minute load average over the steps, or -1: beside
     *                     {@code threads}, whether the run had the machine to itself
     * @param previous     for a second stage ({@code init} in the recipe, or a compression's student): the report of the model it
     *                     continued from, so that a model's whole history stays beside it
     */
    public record Report(String recipe, int trainingFeatures, long trainableParameters, long steps, double seconds,
                         List<TrainingState.EpochResult> epochs, long peakRssBytes, long peakStepBytes,
                         String mallocMmapThreshold, int threads, double meanLoad,
                         @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode previous) {
    }

    private TrainingReport() {
    }

    /** Writes the report of {@code result}; {@code initDir} is the model a second stage or a compression continued from, or null. */
    static void write(Path file, Recipe recipe, TrainingRun.Result result, Path initDir) throws IOException {
        JsonNode previous = null;
        if (initDir != null && Files.exists(initDir.resolve(FILE))) {
            previous = JSON.readTree(initDir.resolve(FILE).toFile());
        }
        JSON.writeValue(file.toFile(), new Report(recipe.toYaml(), result.trainingFeatures(), result.trainableParameters(),
                result.state().step(), Math.round(result.state().seconds()), result.state().history(),
                Math.max(result.state().peakRssBytes(), StepMemory.processPeakRss()), result.state().peakStepBytes(), StepMemory.mmapThreshold(),
                result.state().threads(), round(result.state().meanLoad()), previous));
    }

    private static double round(double load) {
        return Math.round(load * 100) / 100.0;
    }
}
