package compactqa.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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
    public record Report(String recipe, int trainingFeatures, long trainableParameters, long steps, double seconds,
                         List<TrainingState.EpochResult> epochs) {
    }

    private TrainingReport() {
    }

    static void write(Path file, Recipe recipe, TrainingRun.Result result) throws IOException {
        JSON.writeValue(file.toFile(), new Report(recipe.toYaml(), result.trainingFeatures(), result.trainableParameters(),
                result.state().step(), Math.round(result.state().seconds()), result.state().history()));
    }
}
