package compactqa.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Which transformer layers a forward pass runs, in order, named by their parameter prefixes
 * ({@code encoder.layer.0.}, …). A plain model runs its own layers; layer reduction swaps in other
 * layers during training.
 */
public interface LayerPlan {

    /** The prefixes of the layers to run, for a training pass or an evaluation pass. */
    List<String> layers(boolean training);

    /** Called by the trainer before each training step, so that a plan can follow a schedule. */
    default void beforeStep(long step, long totalSteps) {
    }

    /** The first {@code n} layers of the encoder. */
    static LayerPlan encoder(int n) {
        List<String> prefixes = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            prefixes.add("encoder.layer." + l + ".");
        }
        List<String> fixed = List.copyOf(prefixes);
        return training -> fixed;
    }
}
