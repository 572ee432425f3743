package compactqa.cli;

import java.io.PrintWriter;
import java.util.Map;

import compactqa.train.TrainingListener;

/** Progress lines on standard error: loss, examples per second, learning rate and time left. */
final class TrainingProgress implements TrainingListener {
    private final PrintWriter err;
    private long lastPrint;
    private double lossSum;
    private int lossCount;

    TrainingProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onStep(long step, long totalSteps, double loss, double examplesPerS, double secondsLeft, double learningRate) {
        lossSum += loss;
        lossCount++;
        long now = System.nanoTime();
        if (now - lastPrint > 10_000_000_000L || step == totalSteps || step <= 3) {
            err.printf("step %,d/%,d  loss %.4f (mean of last %d: %.4f)  %.1f examples/s  lr %.2e  ETA %s%n", step, totalSteps,
                    loss, lossCount, lossSum / lossCount, examplesPerS, learningRate, ConsoleProgress.duration(secondsLeft));
            err.flush();
            lastPrint = now;
            lossSum = 0;
            lossCount = 0;
        }
    }

    @Override
    public void onTimeLimit(long step, double meanLoss, Map<String, Double> metrics) {
        err.printf("time limit reached at step %,d: mean loss %.4f, validation %s; --resume continues%n", step, meanLoss, metrics);
        err.flush();
    }

    @Override
    public void onResumedFromKept(long step, String where, int rewarmSteps) {
        err.printf("no checkpoint in the work folder: resuming at step %,d from the committed checkpoint %s "
                + "(no optimizer state: the rate rises again over %d steps)%n", step, where, rewarmSteps);
        err.flush();
    }

    @Override
    public void onSkippedStep(long step, double gradientNorm) {
        err.printf("step %,d skipped: the gradient norm was %s%n", step, gradientNorm);
        err.flush();
    }

    @Override
    public void onEpoch(int epoch, double meanLoss, Map<String, Double> metrics) {
        err.printf("epoch %d done: mean loss %.4f, validation %s%n", epoch + 1, meanLoss, metrics);
        err.flush();
    }

    @Override
    public void onCheckpoint(long step, String where) {
        err.printf("checkpoint at step %,d: %s%n", step, where);
        err.flush();
    }
}
