package compactqa.metrics;

import java.util.List;

/**
 * Maximum-likelihood logistic regression over a few features, by Newton's method with a small
 * ridge toward given prior weights (so that separable data keeps finite weights and a feature
 * that never varies keeps its prior): what calibration and the evidence selection fit. Small
 * problems only: the Hessian is solved directly.
 */
public final class LogisticRegression {

    /** One observation: its features and whether it was positive. */
    public record Sample(double[] features, boolean positive) {
    }

    /** Fitted weights (one per feature) and intercept. */
    public record Fit(double[] weights, double bias) {

        /** The fitted probability of {@code features}. */
        public double probability(double[] features) {
            double z = bias;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * features[i];
            }
            return 1 / (1 + Math.exp(-z));
        }

        /** Mean negative log-likelihood of {@code samples} under this fit. */
        public double logLoss(List<Sample> samples) {
            double sum = 0;
            for (Sample s : samples) {
                double p = Math.min(1 - 1e-12, Math.max(1e-12, probability(s.features())));
                sum -= s.positive() ? Math.log(p) : Math.log(1 - p);
            }
            return sum / samples.size();
        }
    }

    private static final int MAX_ITERATIONS = 100;

    private LogisticRegression() {
    }

    /**
     * The fit of {@code samples}, starting from and shrunk toward {@code prior} (weights then bias)
     * with strength {@code ridge} (per sample, so that it fades as data grows).
     */
    public static Fit fit(List<Sample> samples, double[] prior, double priorBias, double ridge) {
        int d = prior.length;
        double[] w = new double[d + 1];
        System.arraycopy(prior, 0, w, 0, d);
        w[d] = priorBias;
        double[] p0 = w.clone();
        double lambda = ridge * samples.size();
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] g = new double[d + 1];
            double[][] h = new double[d + 1][d + 1];
            for (int i = 0; i <= d; i++) {
                g[i] = lambda * (w[i] - p0[i]);
                h[i][i] = lambda + 1e-9;
            }
            for (Sample s : samples) {
                double z = w[d];
                for (int i = 0; i < d; i++) {
                    z += w[i] * s.features()[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                double r = p - (s.positive() ? 1 : 0);
                double v = p * (1 - p);
                for (int i = 0; i <= d; i++) {
                    double xi = i < d ? s.features()[i] : 1;
                    g[i] += r * xi;
                    for (int j = 0; j <= i; j++) {
                        double xj = j < d ? s.features()[j] : 1;
                        h[i][j] += v * xi * xj;
                    }
                }
            }
            for (int i = 0; i <= d; i++) {
                for (int j = i + 1; j <= d; j++) {
                    h[i][j] = h[j][i];
                }
            }
            double[] step = solve(h, g);
            if (step == null) {
                break;
            }
            double size = 0;
            for (int i = 0; i <= d; i++) {
                w[i] -= step[i];
                size = Math.max(size, Math.abs(step[i]));
            }
            if (size < 1e-9) {
                break;
            }
        }
        double[] weights = new double[d];
        System.arraycopy(w, 0, weights, 0, d);
        return new Fit(weights, w[d]);
    }

    /** {@code a x = b} by Gaussian elimination with partial pivoting; null if {@code a} is singular. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-12) {
                return null;
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = m[r][n];
            for (int k = r + 1; k < n; k++) {
                sum -= m[r][k] * x[k];
            }
            x[r] = sum / m[r][r];
        }
        return x;
    }
}
