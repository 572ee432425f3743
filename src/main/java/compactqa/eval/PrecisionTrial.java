package compactqa.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import compactqa.dataset.QaExample;
import compactqa.metrics.AnswerMetrics;
import compactqa.model.CompressorModel;
import compactqa.model.Precision;
import compactqa.model.ReaderModel;
import compactqa.qa.Answerer;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LexicalRanker;

/**
 * Which precision the service may serve, decided on validation questions: the reader alone over
 * its recipe's held-out questions (their gold paragraphs), and the active loop (compressor and
 * reader, the shipped settings) over the compressor recipe's held-out multi-hop questions, for every
 * pairing of the two models' precisions. Each pairing is compared with fp32 on the same questions;
 * it is admitted when both its F1s keep at least {@link #KEPT} of fp32's, and the fastest admitted
 * pairing is chosen. The rule takes the point estimates: on 100-odd questions a paired standard error
 * is about a point, so the rule is strict rather than generous.
 */
public final class PrecisionTrial {

    /** The share of the fp32 F1 a compressed default must keep. */
    public static final double KEPT = 0.99;

    /**
     * One pairing of precisions.
     *
     * @param reader                the reader's precision
     * @param compressor            the compressor's precision
     * @param readerF1              the reader's F1 over the gold paragraphs of its validation questions
     * @param readerRetention       that F1 over fp32's
     * @param readerBehindStdError  the paired standard error of fp32's F1 minus this one's, per question
     * @param readerMsPerQuestion   the reader's mean time per question (batches of 8)
     * @param activeF1              the active loop's answer F1 on the compressor's validation questions
     * @param activeRetention       that F1 over the fp32 pairing's
     * @param activeBehindStdError  the paired standard error of the difference
     * @param activeMsPerQuestion   compression and reading, mean per question
     * @param admitted              whether both retentions reach {@link #KEPT}
     */
    public record Arm(String reader, String compressor, double readerF1, double readerRetention, double readerBehindStdError,
                      double readerMsPerQuestion, double activeF1, double activeRetention, double activeBehindStdError,
                      double activeMsPerQuestion, boolean admitted) {
    }

    /**
     * The trial.
     *
     * @param readerQuestions questions the reader was scored on
     * @param activeQuestions questions the loop answered
     * @param arms            every pairing, fp32 first
     * @param chosen          the fastest admitted pairing
     */
    public record Result(int readerQuestions, int activeQuestions, List<Arm> arms, Arm chosen) {
    }

    private PrecisionTrial() {
    }

    /**
     * Runs the trial.
     *
     * @param readers         the reader at each precision tried (fp32 among them)
     * @param compressors     the compressor at the same precisions
     * @param selection       how the compressor's scores become evidence
     * @param readerQuestions the reader recipe's validation questions
     * @param activeQuestions the compressor recipe's multi-hop validation questions
     * @param settings        the loop as the service runs it
     */
    public static Result run(Map<Precision, ReaderModel> readers, Map<Precision, CompressorModel> compressors, EvidenceSelection selection,
                             List<QaExample> readerQuestions, List<QaExample> activeQuestions, CompressionSettings settings,
                             PrintWriter log) {
        if (!readers.containsKey(Precision.FP32) || !readers.keySet().equals(compressors.keySet())) {
            throw new IllegalArgumentException("the trial needs both models at fp32 and at the same other precisions");
        }
        List<ReaderEvaluation.Item> items = ReaderEvaluation.oracle(readerQuestions);
        if (items.isEmpty() || activeQuestions.isEmpty()) {
            throw new IllegalArgumentException("the trial needs validation questions for the reader and for the loop");
        }
        LexicalRanker ranker = new LexicalRanker();
        List<LexicalRanker.Ranked> read = activeQuestions.stream().map(q -> ranker.rankScored(q.question(), q.paragraphs())).toList();
        // the first pass pays for class loading and ONNX Runtime's first calls: warm every model up on a few questions
        List<LexicalRanker.Ranked> warm = read.subList(0, Math.min(8, read.size()));
        List<QaExample> warmQuestions = activeQuestions.subList(0, warm.size());
        for (Precision r : readers.keySet()) {
            for (Precision c : compressors.keySet()) {
                active(Answerer.of(compressors.get(c), selection, readers.get(r)), warmQuestions, warm, settings);
            }
        }

        List<Precision> order = new ArrayList<>(readers.keySet());
        order.sort(Comparator.comparing(p -> p != Precision.FP32)); // fp32 first: the others are compared with it
        Map<Precision, Scores> readerScores = new EnumMap<>(Precision.class);
        for (Precision p : order) {
            readerScores.put(p, reader(readers.get(p), items));
            log.printf("reader %s: F1 %.2f on %d validation questions, %.1f ms each%n", p.id(), readerScores.get(p).mean(), items.size(),
                    readerScores.get(p).ms());
            log.flush();
        }
        List<Arm> arms = new ArrayList<>();
        Scores baseline = null;
        for (Precision r : order) {
            for (Precision c : order) {
                Scores active = active(Answerer.of(compressors.get(c), selection, readers.get(r)), activeQuestions, read, settings);
                if (baseline == null) {
                    baseline = active;
                }
                Scores reader = readerScores.get(r);
                Scores readerBase = readerScores.get(Precision.FP32);
                double readerRetention = ratio(reader.mean(), readerBase.mean());
                double activeRetention = ratio(active.mean(), baseline.mean());
                Arm arm = new Arm(r.id(), c.id(), round(reader.mean()), round4(readerRetention), round(Scores.behindStdError(readerBase, reader)),
                        round(reader.ms()), round(active.mean()), round4(activeRetention), round(Scores.behindStdError(baseline, active)),
                        round(active.ms()), admitted(readerRetention, activeRetention));
                arms.add(arm);
                log.printf("reader %s, compressor %s: active F1 %.2f (%.1f%% of fp32's, paired SE %.2f), %.0f ms per question%s%n", r.id(),
                        c.id(), arm.activeF1(), 100 * activeRetention, arm.activeBehindStdError(), arm.activeMsPerQuestion(),
                        arm.admitted() ? "" : " - not admitted");
                log.flush();
            }
        }
        return new Result(items.size(), activeQuestions.size(), arms, choose(arms));
    }

    /** The fastest admitted arm (fp32, the first, always is: it keeps all of its own F1). */
    static Arm choose(List<Arm> arms) {
        return arms.stream().filter(Arm::admitted).min(Comparator.comparingDouble(Arm::activeMsPerQuestion))
                .orElseThrow(() -> new IllegalArgumentException("no arm keeps " + KEPT + " of fp32's F1"));
    }

    /** Whether an arm keeping these shares of fp32's reader and active F1 may serve. */
    static boolean admitted(double readerRetention, double activeRetention) {
        return readerRetention >= KEPT && activeRetention >= KEPT;
    }

    /** Each question's F1 (percent) and the mean time per question. */
    record Scores(double[] f1s, double ms) {

        double mean() {
            double sum = 0;
            for (double f : f1s) {
                sum += f;
            }
            return sum / f1s.length;
        }

        /** The standard error of the per-question difference {@code base - other}. */
        static double behindStdError(Scores base, Scores other) {
            double[] d = new double[base.f1s.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = base.f1s[i] - other.f1s[i];
            }
            return LoopTuning.Measured.stdError(d);
        }
    }

    private static Scores reader(ReaderModel reader, List<ReaderEvaluation.Item> items) {
        double[] f1s = new double[items.size()];
        int[] n = {0};
        ReaderEvaluation.Result r = ReaderEvaluation.run(reader, items, AnswerMetrics.Script.HOTPOTQA,
                (item, prediction, score) -> f1s[n[0]++] = 100 * score.f1());
        return new Scores(f1s, r.msPerQuestion());
    }

    /** The loop's answers, as {@link LoopTuning} measures a setting. */
    private static Scores active(Answerer answerer, List<QaExample> questions, List<LexicalRanker.Ranked> read, CompressionSettings settings) {
        LoopTuning.Measured m = LoopTuning.measure(answerer, questions, read, settings);
        return new Scores(m.f1s(), m.msPerQuestion());
    }

    private static double ratio(double x, double of) {
        return of == 0 ? 1 : x / of;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static double round4(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
