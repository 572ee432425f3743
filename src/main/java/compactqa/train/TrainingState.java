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
 * @param peakStepBytes the most resident memory one step added ({@link StepMemory}), over every
 *                      resumption; -1 where the system does not tell (0 in checkpoints older than it)
 * @param peakRssBytes the training processes' peak resident memory, over every resumption, or -1
 * @param threads      the training engine's intra-op threads; -1 where resumptions ran at different
 *                     ones, 0 in checkpoints older than it
 * @param loadSum      the sum of the one-minute load averages sampled after each step ({@link MachineLoad})
 * @param loadSamples  how many were sampled, over every resumption
 */
public record TrainingState(long step, int epoch, int batchInEpoch, long totalSteps, String recipe, List<EpochResult> history,
                            double seconds, long peakStepBytes, long peakRssBytes, int threads, double loadSum, long loadSamples) {

    public TrainingState {
        history = List.copyOf(history);
    }

    /** A finished epoch. */
    public record EpochResult(int epoch, long step, double meanLoss, Map<String, Double> metrics) {
    }

    static TrainingState start(long totalSteps, String recipe) {
        return new TrainingState(0, 0, 0, totalSteps, recipe, List.of(), 0, -1, -1, 0, 0, 0);
    }

    TrainingState advance(long newStep, int newEpoch, int newBatch, double newSeconds) {
        return new TrainingState(newStep, newEpoch, newBatch, totalSteps, recipe, history, newSeconds, peakStepBytes, peakRssBytes,
                threads, loadSum, loadSamples);
    }

    /** This state with a step run at {@code stepThreads} under the load average {@code load} (NaN: unknown) merged in. */
    TrainingState withLoad(int stepThreads, double load) {
        int merged = step <= 1 || threads == stepThreads ? stepThreads : -1;
        boolean known = Double.isFinite(load);
        return new TrainingState(step, epoch, batchInEpoch, totalSteps, recipe, history, seconds, peakStepBytes, peakRssBytes,
                merged, known ? loadSum + load : loadSum, known ? loadSamples + 1 : loadSamples);
    }

    /** The mean one-minute load average over the steps, or -1 where none was sampled. */
    double meanLoad() {
        return loadSamples == 0 ? -1 : loadSum / loadSamples;
    }

    /** This state with the memory {@code memory} has seen merged into its peaks. */
    TrainingState withMemory(StepMemory memory) {
        return new TrainingState(step, epoch, batchInEpoch, totalSteps, recipe, history, seconds,
                Math.max(peakStepBytes, memory.peakStepBytes()), Math.max(peakRssBytes, memory.peakRssBytes()), threads, loadSum, loadSamples);
    }

    TrainingState withEpoch(EpochResult result) {
        List<EpochResult> h = new ArrayList<>(history);
        h.add(result);
        return new TrainingState(step, result.epoch() + 1, 0, totalSteps, recipe, h, seconds, peakStepBytes, peakRssBytes,
                threads, loadSum, loadSamples);
    }

    /**
     * This state with a validation made mid-epoch (a run stopped by its time limit) added to the
     * history; unlike {@link #withEpoch}, the run stays where it is and resumes at the next batch.
     */
    TrainingState withValidation(EpochResult result) {
        List<EpochResult> h = new ArrayList<>(history);
        h.add(result);
        return new TrainingState(step, epoch, batchInEpoch, totalSteps, recipe, h, seconds, peakStepBytes, peakRssBytes,
                threads, loadSum, loadSamples);
    }
}
