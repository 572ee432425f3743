package compactqa.train;

import java.util.Map;

/** Hears a training run's progress; called from the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /** Hears nothing. */
    TrainingListener NONE = (step, totalSteps, loss, examplesPerS, secondsLeft, learningRate) -> { };

    /**
     * After each step.
     *
     * @param step           steps done in the run, resumed ones included
     * @param totalSteps     steps the run will take
     * @param loss           this step's loss
     * @param examplesPerS   training examples per second since this process started training
     * @param secondsLeft    estimated seconds to the end
     * @param learningRate   the rate used at this step
     */
    void onStep(long step, long totalSteps, double loss, double examplesPerS, double secondsLeft, double learningRate);

    /** After a step whose gradients were not finite, so that no update was made. */
    default void onSkippedStep(long step, double gradientNorm) {
    }

    /** After each epoch's validation. */
    default void onEpoch(int epoch, double meanLoss, Map<String, Double> metrics) {
    }

    /** After the validation made when the run's time limit stopped it at {@code step}. */
    default void onTimeLimit(long step, double meanLoss, Map<String, Double> metrics) {
    }

    /** After a checkpoint is saved. */
    default void onCheckpoint(long step, String where) {
    }

    /** When a run resumes at {@code step} from the checkpoint kept in {@code where}, its rate rising again over {@code rewarmSteps}. */
    default void onResumedFromKept(long step, String where, int rewarmSteps) {
    }
}
