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
import compactqa.metrics.ScoreMean;
import compactqa.metrics.SupportMetrics;
import compactqa.qa.Answerer;
import compactqa.qa.CompressionResult;
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
 * matters is that of the per-question differences, not that of each mean). Then, for the setting
 * chosen, the support threshold (which of the evidence sentences the answer names as its supporting
 * facts) is the one of {@link #SUPPORT_THRESHOLDS} with the best supporting-fact F1 on the questions
 * labelled by sentence.
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

    /** Support thresholds tried for the chosen setting. */
    static final List<Double> SUPPORT_THRESHOLDS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

    /**
     * One support threshold's figures.
     *
     * @param spF1 supporting-fact F1 over sentences of the questions so labelled, percent
     */
    public record Support(double threshold, double spF1, double precision, double recall) {
    }

    /**
     * The grid's figures, the setting chosen, and its support threshold.
     *
     * @param supportQuestions questions labelled by sentence, on which the support threshold was chosen
     */
    public record Result(int questions, List<Point> grid, Point chosen, int supportQuestions, List<Support> supportGrid,
                         double supportThreshold) {
    }

    private LoopTuning() {
    }

    /** The questions the loop is for: several paragraphs, two or more of them gold, and an answer. */
    public static List<QaExample> multiHop(List<QaExample> validation) {
        return validation.stream().filter(e -> e.paragraphs().size() > 2 && e.supportingTitles().size() >= 2 && !e.answers().isEmpty())
                .toList();
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
            log.printf("segment %d, %d steps, sentence %.2f, sufficiency %.3f: F1 %.2f (± %.2f), SP F1 %.2f, %.2f steps, %.1f%% of the tokens,"
                            + " %.0f ms [%d/%d, ETA %.0f s]%n", settings.segmentSize(), settings.maxSteps(), settings.sentenceThreshold(),
                    settings.sufficiencyThreshold(), m.f1(), Measured.stdError(m.f1s()), m.spF1(), m.stepsMean(), 100 * m.evidenceShare(),
                    m.msPerQuestion(), measured.size(), all.size(), seconds / measured.size() * (all.size() - measured.size()));
            log.flush();
        }
        List<Point> points = points(measured);
        Point chosen = choose(points);
        Measured of = measured.get(points.indexOf(chosen));
        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).hasSentenceSupport()) {
                labelled.add(i);
            }
        }
        List<Support> supports = SUPPORT_THRESHOLDS.stream().map(t -> support(t, questions, labelled, of.evidence())).toList();
        // the lower of equal thresholds names more of what the reader read
        Support best = supports.stream().max(Comparator.comparingDouble(Support::spF1)).orElseThrow();
        supports.forEach(s -> log.printf("support %.1f: SP F1 %.2f (precision %.2f, recall %.2f) over %d questions%n", s.threshold(),
                s.spF1(), s.precision(), s.recall(), labelled.size()));
        return new Result(questions.size(), points, chosen, labelled.size(), supports, labelled.isEmpty() ? chosen.sentenceThreshold()
                : best.threshold());
    }

    /** The supporting-fact scores of the {@code labelled} questions' evidence when {@code threshold} names the support. */
    static Support support(double threshold, List<QaExample> questions, List<Integer> labelled, List<List<EvidenceSentence>> evidence) {
        ScoreMean mean = new ScoreMean();
        for (int i : labelled) {
            Set<QaExample.SupportingFact> named = new HashSet<>();
            CompressionResult.supporting(evidence.get(i), threshold).forEach(e -> named.add(new QaExample.SupportingFact(e.title(), e.sentence())));
            mean.add(SupportMetrics.score(named, new HashSet<>(questions.get(i).supportingFacts())));
        }
        MatchScore m = mean.mean();
        return new Support(threshold, round(100 * m.f1()), round(100 * m.precision()), round(100 * m.recall()));
    }

    /** The cheapest point whose F1 is behind the best by at most one paired standard error. */
    static Point choose(List<Point> grid) {
        return grid.stream().filter(p -> p.behindBest() <= p.behindStdError())
                .min(Comparator.comparingDouble(Point::msPerQuestion)).orElseThrow();
    }

    /** One setting's answers: the figures, each question's F1 for the paired comparison, and its evidence. */
    record Measured(CompressionSettings settings, double[] f1s, double spF1, double stepsMean, double evidenceShare, double msPerQuestion,
                    List<List<EvidenceSentence>> evidence) {

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

    static Measured measure(Answerer answerer, List<QaExample> questions, List<LexicalRanker.Ranked> read,
                                    CompressionSettings settings) {
        double[] f1s = new double[questions.size()];
        List<List<EvidenceSentence>> evidence = new ArrayList<>();
        double sp = 0;
        long steps = 0;
        long documentTokens = 0;
        long evidenceTokens = 0;
        double ms = 0;
        for (int i = 0; i < questions.size(); i++) {
            QaExample q = questions.get(i);
            Answerer.Answer a = answerer.answer(q.question(), read.get(i).documents(), read.get(i).scores(), settings, 0);
            f1s[i] = 100 * AnswerMetrics.best(a.text(), q.answers()).f1();
            evidence.add(a.compressed().evidence());
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
                documentTokens == 0 ? 0 : Math.round(10000.0 * evidenceTokens / documentTokens) / 10000.0, round(ms / n), evidence);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
