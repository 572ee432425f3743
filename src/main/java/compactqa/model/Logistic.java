package compactqa.model;

/**
 * The logistic function and its inverse: heads give logits, and probabilities leave this package;
 * whoever combines them again (a calibration, a fitted evidence selection) works in log-odds.
 */
public final class Logistic {

    /**
     * How close to 0 and 1 a probability may come before its log-odds are clipped: about ±27.6, beyond
     * the logits a float head gives in practice and well inside what a double keeps distinct from 1.
     */
    private static final double EDGE = 1e-12;

    private Logistic() {
    }

    public static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    /** The log-odds of {@code p}, clipped away from 0 and 1. */
    public static double logit(double p) {
        double q = Math.min(1 - EDGE, Math.max(EDGE, p));
        return Math.log(q / (1 - q));
    }
}
