package compactqa.eval;

import java.util.Map;

/**
 * The result file of {@code qa compress}: a compressed model against the model it came from,
 * measured in one run. The top-level figures are the compressed model's; {@code original} holds the
 * same figures for the uncompressed one, and {@code relative} their ratios. Written as snake_case
 * JSON to {@code eval/results/compress-<name>.json}.
 *
 * @param diskBytes    bytes of the compressed model's folder (all tensors, self-contained)
 * @param onnxBytes    bytes of the ONNX graph the runtime loads (where weights are widened at load,
 *                     for example 4-bit embeddings, this is the in-memory size)
 * @param threads      ONNX Runtime threads per call the unsuffixed latencies were measured at
 * @param latencyMsP50 p50 milliseconds of one encoder call with the heads, by {@code batch x sequence}
 *                     at {@code threads}, and suffixed {@code _1t} at one thread
 * @param metrics      the task metrics, as the model's {@code metrics.json} names them
 * @param layers       how each linear layer is held, by name
 * @param relative     {@code disk_share} (compressed over original), {@code speedup_<shape>}
 *                     (original p50 over compressed), {@code <metric>_retention} (compressed over original)
 */
public record CompressionResult(
        String command,
        String commit,
        String date,
        String java,
        int cpus,
        int threads,
        String name,
        String model,
        String task,
        String method,
        String params,
        int questions,
        long diskBytes,
        long onnxBytes,
        Map<String, Double> latencyMsP50,
        Map<String, Double> metrics,
        Side original,
        Map<String, Double> relative,
        Map<String, String> layers,
        String wordEmbeddings) {

    /**
     * The uncompressed model's figures.
     *
     * @param diskBytes bytes of its tensors saved in fp32 as one self-contained checkpoint
     */
    public record Side(long diskBytes, long onnxBytes, Map<String, Double> latencyMsP50, Map<String, Double> metrics) {
    }
}
