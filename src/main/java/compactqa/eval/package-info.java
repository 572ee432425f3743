/**
 * Data set loaders, the official metrics, and benchmarks.
 *
 * <p>Every multi-hop and reading-comprehension format (HotpotQA and 2WikiMultihopQA official,
 * IRCoT, MuSiQue, SQuAD, NQ in DPR form, HotpotQA gold sentences) loads into one
 * {@link compactqa.eval.QaExample} through {@link compactqa.eval.DatasetLoader}, the format
 * recognised from content so that unseen files in the same formats load too.
 *
 * <p>{@link compactqa.eval.AnswerMetrics}, {@link compactqa.eval.SupportMetrics} and
 * {@link compactqa.eval.JointMetrics} compute what the official HotpotQA and SQuAD scripts compute.
 * Benchmarks such as {@link compactqa.eval.RetrievalBenchmark} write result files that record the
 * command, commit and machine ({@link compactqa.eval.RunInfo}); {@link compactqa.eval.EvalReport}
 * generates {@code eval/README.md} from them.
 */
package compactqa.eval;
