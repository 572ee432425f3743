package compactqa.metrics;

import java.util.Arrays;
import java.util.Collection;

/** A sample of latencies in milliseconds and its nearest-rank percentiles, as every benchmark reports them. */
public final class Latencies {

    private final double[] sorted;

    private Latencies(double[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no latencies measured");
        }
        this.sorted = sorted;
    }

    public static Latencies of(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    public static Latencies of(Collection<Double> millis) {
        return new Latencies(millis.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the sample at or below it. */
    public double percentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a percentile is in [0, 1], got " + p);
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public double mean() {
        return Arrays.stream(sorted).average().orElseThrow();
    }

    public int count() {
        return sorted.length;
    }
}
