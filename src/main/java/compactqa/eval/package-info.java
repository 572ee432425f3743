/**
 * Benchmark runners, their result files, and the report.
 *
 * <p>Each benchmark ({@link compactqa.eval.QaBenchmark}, {@link compactqa.eval.RetrievalBenchmark},
 * {@link compactqa.eval.EncoderBenchmark}, {@link compactqa.eval.CompressionBenchmark}, the load
 * test) reads questions through {@code dataset}, scores with {@code metrics}, and writes a result
 * file that records the command, commit and machine ({@link compactqa.eval.RunInfo});
 * {@link compactqa.eval.EvalReport} generates {@code eval/README.md} from those files and
 * {@link compactqa.eval.ResultVerifier} re-runs them. Nothing outside the command line depends on
 * this package: training reads data and metrics, never benchmarks.
 */
package compactqa.eval;
