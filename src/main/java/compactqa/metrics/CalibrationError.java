package compactqa.metrics;

import java.util.List;

/**
 * Expected calibration error: confidences are put in equal-width bins over [0, 1], and the
 * bins' gaps between mean confidence and accuracy are averaged, weighted by their share of the
 * answers (Guo et al., 2017). Zero means that, among answers given confidence c, a share c is right.
 */
public final class CalibrationError {

    /** The usual number of bins. */
    public static final int BINS = 10;

    private CalibrationError() {
    }

    /** An answer's confidence and whether it was right. */
    public record Outcome(double confidence, boolean correct) {
    }

    /** The expected calibration error of {@code outcomes} over {@code bins} bins, in [0, 1]. */
    public static double of(List<Outcome> outcomes, int bins) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("no answers to measure");
        }
        double[] confidence = new double[bins];
        double[] correct = new double[bins];
        int[] count = new int[bins];
        for (Outcome o : outcomes) {
            int b = Math.min(bins - 1, Math.max(0, (int) (o.confidence() * bins)));
            confidence[b] += o.confidence();
            correct[b] += o.correct() ? 1 : 0;
            count[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs(confidence[b] - correct[b]) / outcomes.size();
            }
        }
        return ece;
    }
}
