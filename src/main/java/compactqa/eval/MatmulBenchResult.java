package compactqa.eval;

import java.util.List;
import java.util.Map;

/**
 * The result file of {@code qa bench matmul}. Written as snake_case JSON.
 *
 * @param peak     the CPU's nominal peak (null where {@code /proc/cpuinfo} cannot be read)
 * @param speedups fp32 p50 over int8 p50, per shape ({@code rows x in x out}) and thread count
 */
public record MatmulBenchResult(
        String command,
        String commit,
        String date,
        String java,
        int cpus,
        NominalPeak peak,
        List<Row> rows,
        Map<String, Double> speedups) {

    /**
     * One product at one precision and thread count.
     *
     * @param gops       operations (two per multiply-add) over the p50 call time, in billions per second
     * @param peakGops   the nominal peak of {@code threads} cores at this precision
     * @param peakShare  {@code gops / peakGops}
     * @param cosine     for int8: the cosine of its output to fp32's on the same weights and input
     */
    public record Row(String shape, int rows, int in, int out, int threads, String precision, double p50Ms, double gops,
                      Double peakGops, Double peakShare, Double cosine, int calls) {
    }
}
