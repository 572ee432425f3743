package compactqa.train;

import java.util.List;

import compactqa.metrics.LogisticRegression;
import compactqa.model.ConfidenceCalibration;

/**
 * Fits {@code P(correct) = sigmoid(slope * logit(raw) + intercept)} by maximum likelihood, with a
 * small ridge toward the identity: Platt's scaling, the two-parameter form of temperature scaling.
 */
final class PlattScaling {

    /** A fitted line. */
    record Line(double slope, double intercept) {
    }

    /** A raw confidence and whether its answer was right. */
    record Sample(double raw, boolean correct) {
    }

    private static final double RIDGE = 1e-4;

    private PlattScaling() {
    }

    /** The maximum-likelihood line over {@code samples}; the identity where there are too few to fit. */
    static Line fit(List<Sample> samples) {
        if (samples.size() < 10 || samples.stream().allMatch(Sample::correct) || samples.stream().noneMatch(Sample::correct)) {
            return new Line(1, 0);
        }
        LogisticRegression.Fit fit = LogisticRegression.fit(samples.stream()
                .map(s -> new LogisticRegression.Sample(new double[] {ConfidenceCalibration.logit(s.raw())}, s.correct())).toList(),
                new double[] {1}, 0, RIDGE);
        return new Line(fit.weights()[0], fit.bias());
    }
}
