package compactqa.train;

import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import compactqa.model.Head;

/**
 * What a training run learns: its heads, its training features, its loss, and its validation
 * metric. The {@link Trainer} does the rest.
 *
 * @param <F> the task's feature type
 */
public interface TrainingTask<F extends Feature> {

    /** The task heads the model needs, which the trainer adds to a fresh model. */
    List<Head> heads();

    /** The training features, in a fixed order (the trainer shuffles them with the recipe's seed). */
    List<F> trainingFeatures();

    /** The mean loss of {@code batch}; arrays are created in {@code manager}. */
    NDArray loss(TorchBert bert, List<F> batch, NDManager manager, boolean training, float dropout);

    /**
     * The task metrics on the held-out validation examples, computed in evaluation mode. The first
     * entry is the one to maximize.
     */
    Map<String, Double> validate(TorchBert bert, NDManager manager);
}
