/**
 * The numbers every benchmark and training run reports, depending on nothing but the JDK.
 *
 * <p>{@link compactqa.metrics.AnswerMetrics}, {@link compactqa.metrics.SupportMetrics} and
 * {@link compactqa.metrics.JointMetrics} compute what the official SQuAD and HotpotQA scripts
 * compute; {@link compactqa.metrics.RetrievalScores} recall and MRR at k;
 * {@link compactqa.metrics.CompressionRate} and {@link compactqa.metrics.Latencies} the compression
 * and latency statistics; {@link compactqa.metrics.CalibrationError} how far confidences are from
 * accuracies, and {@link compactqa.metrics.LogisticRegression} the fit that calibrates them;
 * {@link compactqa.metrics.ProcessMemory} the peak resident memory an index build or a training
 * run reports.
 */
package compactqa.metrics;
