package compactqa.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import compactqa.metrics.Latencies;
import compactqa.model.LinearThroughput;
import compactqa.model.Precision;

/**
 * The reader's matrix products alone, fp32 against int8 in one run: achieved GOPS at the shapes of
 * one 384-token window through MiniLM's linear layers, and at a large square product (what the
 * kernels reach when nothing else limits them), each against the CPU's {@link NominalPeak}.
 * Where int8 wins here by more than it wins for the whole reader, the rest of the encoder
 * (attention, normalization, quantizing activations) is what holds it back.
 */
public final class MatmulBenchmark {

    /**
     * A product {@code [rows, in] x [in, out]} and how many calls time it.
     *
     * @param name what it is in the reader
     */
    public record Shape(String name, int rows, int in, int out, int calls) {
    }

    /** One window of 384 tokens through MiniLM-L6's layers (hidden 384, intermediate 1536), and a large square product. */
    public static final List<Shape> SHAPES = List.of(
            new Shape("attention projection", 384, 384, 384, 200),
            new Shape("feed-forward in", 384, 384, 1536, 60),
            new Shape("feed-forward out", 384, 1536, 384, 60),
            new Shape("square 1024", 1024, 1024, 1024, 12));

    private static final int WARM_UP = 5;
    private static final long SEED = 20261207;

    /**
     * Times every shape at both precisions with each of {@code threadCounts} intra-op threads; the
     * two precisions' calls alternate, so that both see the same machine.
     */
    public MatmulBenchResult run(List<Integer> threadCounts, double callsScale, RunInfo run, PrintWriter log) throws IOException {
        NominalPeak peak = NominalPeak.current();
        if (peak != null) {
            peak = peak.withClock(ClockEstimate.measureGhz(), "measured by a chain of dependent xor-adds");
            log.printf("nominal peak per core: %.2f GHz x %d fp32 / %d int8 operations per cycle (%s)%n", peak.ghz(),
                    peak.fp32OpsPerCycle(), peak.int8OpsPerCycle(), peak.basis());
        }
        List<MatmulBenchResult.Row> rows = new ArrayList<>();
        Map<String, Double> speedups = new LinkedHashMap<>();
        for (int threads : threadCounts) {
            for (Shape shape : SHAPES) {
                int calls = Math.max(3, (int) Math.round(shape.calls() * callsScale));
                try (LinearThroughput fp32 = LinearThroughput.open(Precision.FP32, shape.rows(), shape.in(), shape.out(), threads, SEED);
                     LinearThroughput int8 = LinearThroughput.open(Precision.INT8, shape.rows(), shape.in(), shape.out(), threads, SEED)) {
                    double cosine = int8.agreement(fp32);
                    for (int i = 0; i < WARM_UP; i++) {
                        fp32.run();
                        int8.run();
                    }
                    double[] fp32Millis = new double[calls];
                    double[] int8Millis = new double[calls];
                    for (int i = 0; i < calls; i++) {
                        fp32Millis[i] = timed(fp32);
                        int8Millis[i] = timed(int8);
                    }
                    MatmulBenchResult.Row a = row(shape, threads, Precision.FP32, fp32.operations(), fp32Millis, peak, null);
                    MatmulBenchResult.Row b = row(shape, threads, Precision.INT8, int8.operations(), int8Millis, peak,
                            round(cosine, 4));
                    rows.add(a);
                    rows.add(b);
                    speedups.put(shape.rows() + "x" + shape.in() + "x" + shape.out() + " " + threads + "t", round(a.p50Ms() / b.p50Ms(), 3));
                    for (MatmulBenchResult.Row r : List.of(a, b)) {
                        log.printf("%-21s %4d x %4d x %4d  %d thread(s)  %-4s p50 %7.3f ms  %6.1f GOPS  %s of the nominal peak%n",
                                r.shape(), r.rows(), r.in(), r.out(), r.threads(), r.precision(), r.p50Ms(), r.gops(),
                                r.peakShare() == null ? "?" : String.format("%.0f%%", 100 * r.peakShare()));
                    }
                    log.flush();
                }
            }
        }
        return new MatmulBenchResult(run.command(), run.commit(), run.date(), run.java(), run.cpus(), peak, rows, speedups);
    }

    private static double timed(LinearThroughput layer) throws IOException {
        long start = System.nanoTime();
        layer.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static MatmulBenchResult.Row row(Shape shape, int threads, Precision precision, double operations, double[] millis,
                                             NominalPeak peak, Double cosine) {
        double peakGops = peak == null ? 0 : precision == Precision.INT8 ? peak.int8Gops(threads) : peak.fp32Gops(threads);
        double p50 = Latencies.of(millis).percentile(0.5);
        double gops = operations / (p50 / 1000) / 1e9;
        return new MatmulBenchResult.Row(shape.name(), shape.rows(), shape.in(), shape.out(), threads, precision.id(), round(p50, 4),
                round(gops, 1), peakGops > 0 ? round(peakGops, 1) : null, peakGops > 0 ? round(gops / peakGops, 3) : null, cosine,
                millis.length);
    }

    private static double round(double x, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(x * scale) / scale;
    }
}
