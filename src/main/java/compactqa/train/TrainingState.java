package compactqa.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a training run stands, saved with every checkpoint so that an interrupted run resumes at
 * the next batch with the same data order.
 *
 * @param step         steps done
 * @param epoch        the epoch in progress, from 0
 * @param batchInEpoch batches of that epoch done
 * @param totalSteps   steps the run takes
 * @param recipe       the recipe's YAML, to refuse resuming a different recipe
 * @param history      one entry per finished epoch: its mean loss and validation metrics
 * @param seconds      wall time spent training so far, over every resumption
 */
public record TrainingState(long step, int epoch, int batchInEpoch, long totalSteps, String recipe, List<EpochResult> history,
                            double seconds) {

    public TrainingState {
        history = List.copyOf(history);
    }

    /** A finished epoch. */
    public record EpochResult(int epoch, long step, double meanLoss, Map<String, Double> metrics) {
    }

    static TrainingState start(long totalSteps, String recipe) {
        return new TrainingState(0, 0, 0, totalSteps, recipe, List.of(), 0);
    }

    TrainingState advance(long newStep, int newEpoch, int newBatch, double newSeconds) {
        return new TrainingState(newStep, newEpoch, newBatch, totalSteps, recipe, history, newSeconds);
    }

    TrainingState withEpoch(EpochResult result) {
        List<EpochResult> h = new ArrayList<>(history);
        h.add(result);
        return new TrainingState(step, result.epoch() + 1, 0, totalSteps, recipe, h, seconds);
    }
}
