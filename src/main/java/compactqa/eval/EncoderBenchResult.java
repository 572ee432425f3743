package compactqa.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import compactqa.metrics.Latencies;

/**
 * The result file of {@code qa bench encoder}: one row per graph and shape, the exported graphs'
 * parity with the originals, and latency ratios taken within the run. Written as snake_case JSON.
 *
 * @param ratios p50 latency ratios per shape: {@code <model> exported/jar} and
 *               {@code exported-fused/jar} (at most 1 means ours is no slower) and
 *               {@code <model> int8/fp32} (below 1 means int8 is faster)
 */
public record EncoderBenchResult(
        String command,
        String commit,
        String date,
        String java,
        int cpus,
        int threads,
        String optimization,
        List<Row> rows,
        Map<String, Double> maxAbsDiff,
        Double int8MeanCosine,
        Map<String, Double> ratios) {

    /**
     * One graph at one shape.
     *
     * @param graph      {@code jar} for the graph shipped in the model jar, {@code exported} for ours in
     *                   standard operators, {@code exported-fused} for ours with fused operators
     * @param tokensPerS tokens of the batch divided by the mean call time
     */
    public record Row(String model, String graph, String precision, int batch, int seq, double p50Ms, double p95Ms,
                      double tokensPerS, int runs) {

        static Row of(String model, String graph, String precision, int batch, int seq, double[] millis) {
            Latencies latencies = Latencies.of(millis);
            return new Row(model, graph, precision, batch, seq, round(latencies.percentile(0.5)), round(latencies.percentile(0.95)),
                    Math.round(batch * seq / (latencies.mean() / 1000)), millis.length);
        }

        String shape() {
            return batch + "x" + seq;
        }
    }

    static Map<String, Double> ratios(List<Row> rows) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Row r : rows) {
            for (Row base : rows) {
                if (!base.model().equals(r.model()) || !base.shape().equals(r.shape()) || !base.graph().equals("jar")
                        || !base.precision().equals("fp32") || base == r) {
                    continue;
                }
                String kind = r.graph().startsWith("exported") ? r.graph() + "/jar" : r.precision() + "/fp32";
                ratios.put(r.model() + " " + kind + " " + r.shape(), Math.round(r.p50Ms() / base.p50Ms() * 1000) / 1000.0);
            }
        }
        return ratios;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
