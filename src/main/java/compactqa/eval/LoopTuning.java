package compactqa.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.DoubleStream;

import compactqa.dataset.QaExample;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.MatchScore;
import compactqa.metrics.SupportMetrics;
import compactqa.qa.Answerer;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSentence;
import compactqa.qa.LexicalRanker;

/**
 * Chooses how the active loop reads (documents per step, how many documents at most, the
 * probability a sentence needs to become evidence, and the sufficiency that stops the reading) on
 * validation questions, never on the development sets: every setting of a grid answers the same
 * questions as the service would (their paragraphs in BM25 order), and the cheapest setting whose
 * answer F1 is behind the best by no more than one standard error of that difference is chosen
 * (the one-standard-error rule, paired: all settings answer the same questions, so the noise that
 * matters is that of the per-question differences, not that of each mean).
 */
public final class LoopTuning {

    /**
     * One setting's figures.
     *
     * @param f1             answer F1, percent
     * @param f1StdError     the standard error of that mean, percent
     * @param behindBest     the best setting's F1 minus this one's, percent
     * @param behindStdError the standard error of that difference over the paired questions, percent
     * @param spF1           supporting-fact F1 over sentences, percent
     * @param stepsMean      mean steps
     * @param evidenceShare  evidence tokens over document tokens, summed over questions
     * @param msPerQuestion  mean milliseconds compressing and reading
     */
    public record Point(int segmentSize, int maxSteps, double sentenceThreshold, double sufficiencyThreshold, double f1,
                        double f1StdError, double behindBest, double behindStdError, double spF1, double stepsMean,
                        double evidenceShare, double msPerQuestion) {
    }

    /** The values tried of each setting; every combination is answered. */
    public record Grid(List<Integer> segmentSizes, List<Integer> documents, List<Double> sentenceThresholds,
                       List<Double> sufficiencies) {

        public Grid {
            if (segmentSizes.isEmpty() || documents.isEmpty() || sentenceThresholds.isEmpty() || sufficiencies.isEmpty()) {
                throw new IllegalArgumentException("tuning needs at least one value of each setting");
            }
        }

        /** Each combination once (two document counts may come to the same steps at one segment size). */
        List<CompressionSettings> settings(CompressionSettings base) {
            Set<CompressionSettings> out = new LinkedHashSet<>();
            for (int segment : segmentSizes) {
                for (int most : documents) {
                    for (double sentence : sentenceThresholds) {
                        for (double sufficiency : sufficiencies) {
                            out.add(base.with(segment, (most + segment - 1) / segment, null, sentence, sufficiency, null));
                        }
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    /** The grid's figures and the setting chosen. */
    public record Result(int questions, List<Point> grid, Point chosen) {
    }

    private LoopTuning() {
    }

    /** Answers {@code questions} at every setting of {@code grid}, the rest of {@code base} unchanged. */
    public static Result run(Answerer answerer, List<QaExample> questions, CompressionSettings base, Grid grid, PrintWriter log) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("tuning needs questions");
        }
        LexicalRanker ranker = new LexicalRanker();
        List<LexicalRanker.Ranked> read = questions.stream().map(q -> ranker.rankScored(q.question(), q.paragraphs())).toList();
        List<CompressionSettings> all = grid.settings(base);
        List<Measured> measured = new ArrayList<>();
        long start = System.nanoTime();
        for (CompressionSettings settings : all) {
            Measured m = measure(answerer, questions, read, settings);
            measured.add(m);
            double seconds = (System.nanoTime() - start) / 1e9;
            log.printf("segment %d, %d steps, sentence %.2f, sufficiency %.2f: F1 %.2f (± %.2f), SP F1 %.2f, %.2f steps, %.1f%% of the tokens,"
                            + " %.0f ms [%d/%d, ETA %.0f s]%n", settings.segmentSize(), settings.maxSteps(), settings.sentenceThreshold(),
                    settings.sufficiencyThreshold(), m.f1(), Measured.stdError(m.f1s()), m.spF1(), m.stepsMean(), 100 * m.evidenceShare(),
                    m.msPerQuestion(), measured.size(), all.size(), seconds / measured.size() * (all.size() - measured.size()));
            log.flush();
        }
        List<Point> points = points(measured);
        return new Result(questions.size(), points, choose(points));
    }

    /** The cheapest point whose F1 is behind the best by at most one paired standard error. */
    static Point choose(List<Point> grid) {
        return grid.stream().filter(p -> p.behindBest() <= p.behindStdError())
                .min(Comparator.comparingDouble(Point::msPerQuestion)).orElseThrow();
    }

    /** One setting's answers: the figures, and each question's F1 for the paired comparison. */
    record Measured(CompressionSettings settings, double[] f1s, double spF1, double stepsMean, double evidenceShare, double msPerQuestion) {

        double f1() {
            return mean(f1s);
        }

        static double stdError(double[] x) {
            double m = mean(x);
            double squares = 0;
            for (double v : x) {
                squares += (v - m) * (v - m);
            }
            return x.length < 2 ? 0 : Math.sqrt(squares / (x.length - 1) / x.length);
        }

        private static double mean(double[] x) {
            return DoubleStream.of(x).average().orElse(0);
        }
    }

    /** The figures of every setting, each compared with the best on the same questions. */
    static List<Point> points(List<Measured> measured) {
        Measured best = measured.stream().max(Comparator.comparingDouble(Measured::f1)).orElseThrow();
        List<Point> out = new ArrayList<>();
        for (Measured m : measured) {
            double[] behind = new double[m.f1s().length];
            for (int i = 0; i < behind.length; i++) {
                behind[i] = best.f1s()[i] - m.f1s()[i];
            }
            CompressionSettings s = m.settings();
            out.add(new Point(s.segmentSize(), s.maxSteps(), s.sentenceThreshold(), s.sufficiencyThreshold(), round(m.f1()),
                    round(Measured.stdError(m.f1s())), round(Measured.mean(behind)), round(Measured.stdError(behind)), m.spF1(), m.stepsMean(),
                    m.evidenceShare(), m.msPerQuestion()));
        }
        return out;
    }

    private static Measured measure(Answerer answerer, List<QaExample> questions, List<LexicalRanker.Ranked> read,
                                    CompressionSettings settings) {
        double[] f1s = new double[questions.size()];
        double sp = 0;
        long steps = 0;
        long documentTokens = 0;
        long evidenceTokens = 0;
        double ms = 0;
        for (int i = 0; i < questions.size(); i++) {
            QaExample q = questions.get(i);
            Answerer.Answer a = answerer.answer(q.question(), read.get(i).documents(), read.get(i).scores(), settings, 0);
            f1s[i] = 100 * AnswerMetrics.best(a.text(), q.answers()).f1();
            HashSet<QaExample.SupportingFact> kept = new HashSet<>();
            for (EvidenceSentence e : a.compressed().evidence()) {
                kept.add(new QaExample.SupportingFact(e.title(), e.sentence()));
            }
            MatchScore support = SupportMetrics.score(kept, new HashSet<>(q.supportingFacts()));
            sp += support.f1();
            steps += a.compressed().steps().size();
            documentTokens += a.compressed().documentTokens();
            evidenceTokens += a.compressed().evidenceTokens();
            ms += a.compressionMs() + a.readerMs();
        }
        int n = questions.size();
        return new Measured(settings, f1s, round(100 * sp / n), round((double) steps / n),
                documentTokens == 0 ? 0 : Math.round(10000.0 * evidenceTokens / documentTokens) / 10000.0, round(ms / n));
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
