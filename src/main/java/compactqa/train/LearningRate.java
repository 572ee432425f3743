package compactqa.train;

/**
 * Linear warm-up from 0 to the peak over the first steps, then linear decay to 0 at the last step.
 *
 * @param peak        the peak learning rate
 * @param warmupSteps steps of warm-up
 * @param totalSteps  steps of the whole run
 */
public record LearningRate(double peak, long warmupSteps, long totalSteps) {

    public LearningRate {
        if (peak <= 0 || warmupSteps < 0 || totalSteps < 1 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("invalid schedule: peak " + peak + ", warm-up " + warmupSteps
                    + ", total " + totalSteps);
        }
    }

    /** The rate at step {@code step} (counted from 1). */
    public double at(long step) {
        if (step <= warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        return peak * Math.max(0, totalSteps - step) / Math.max(1, totalSteps - warmupSteps);
    }
}
