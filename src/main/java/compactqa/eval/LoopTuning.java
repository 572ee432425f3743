package compactqa.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import compactqa.dataset.QaExample;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.MatchScore;
import compactqa.metrics.SupportMetrics;
import compactqa.qa.Answerer;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSentence;
import compactqa.qa.LexicalRanker;

/**
 * Chooses how the active loop reads (documents per step, and the sufficiency that stops it) on
 * validation questions, never on the development sets: every setting of a grid answers the same
 * questions as the service would (their paragraphs in BM25 order), and the cheapest setting whose
 * answer F1 is within one standard error of the best is chosen (the one-standard-error rule: a
 * difference smaller than the noise does not pay for slower answers).
 */
public final class LoopTuning {

    /**
     * One setting's figures.
     *
     * @param f1            answer F1, percent
     * @param f1StdError    the standard error of that mean, percent
     * @param spF1          supporting-fact F1 over sentences, percent
     * @param stepsMean     mean steps
     * @param evidenceShare evidence tokens over document tokens, summed over questions
     * @param msPerQuestion mean milliseconds compressing and reading
     */
    public record Point(int segmentSize, double sufficiencyThreshold, double f1, double f1StdError, double spF1, double stepsMean,
                       double evidenceShare, double msPerQuestion) {
    }

    /** The grid's figures and the setting chosen. */
    public record Result(int questions, List<Point> grid, Point chosen) {
    }

    private LoopTuning() {
    }

    /**
     * Answers {@code questions} at every pair of {@code segmentSizes} and {@code sufficiencies},
     * the rest of {@code base} unchanged.
     */
    public static Result run(Answerer answerer, List<QaExample> questions, CompressionSettings base, List<Integer> segmentSizes,
                             List<Double> sufficiencies, PrintWriter log) {
        if (questions.isEmpty() || segmentSizes.isEmpty() || sufficiencies.isEmpty()) {
            throw new IllegalArgumentException("tuning needs questions and at least one value of each setting");
        }
        LexicalRanker ranker = new LexicalRanker();
        List<LexicalRanker.Ranked> read = questions.stream().map(q -> ranker.rankScored(q.question(), q.paragraphs())).toList();
        List<Point> grid = new ArrayList<>();
        for (int segment : segmentSizes) {
            for (double sufficiency : sufficiencies) {
                CompressionSettings settings = base.with(segment, null, null, null, sufficiency, null);
                Point p = point(answerer, questions, read, settings);
                grid.add(p);
                log.printf("segment %d, sufficiency %.2f: F1 %.2f (± %.2f), SP F1 %.2f, %.2f steps, %.1f%% of the tokens, %.0f ms%n",
                        segment, sufficiency, p.f1(), p.f1StdError(), p.spF1(), p.stepsMean(), 100 * p.evidenceShare(), p.msPerQuestion());
                log.flush();
            }
        }
        return new Result(questions.size(), grid, choose(grid));
    }

    /** The cheapest point within one standard error of the best F1. */
    static Point choose(List<Point> grid) {
        Point best = grid.stream().max(Comparator.comparingDouble(Point::f1)).orElseThrow();
        return grid.stream().filter(p -> p.f1() >= best.f1() - best.f1StdError())
                .min(Comparator.comparingDouble(Point::msPerQuestion)).orElseThrow();
    }

    private static Point point(Answerer answerer, List<QaExample> questions, List<LexicalRanker.Ranked> read, CompressionSettings settings) {
        double sum = 0;
        double squares = 0;
        double sp = 0;
        long steps = 0;
        long documentTokens = 0;
        long evidenceTokens = 0;
        double ms = 0;
        for (int i = 0; i < questions.size(); i++) {
            QaExample q = questions.get(i);
            Answerer.Answer a = answerer.answer(q.question(), read.get(i).documents(), read.get(i).scores(), settings, 0);
            double f1 = AnswerMetrics.best(a.text(), q.answers()).f1();
            sum += f1;
            squares += f1 * f1;
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
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, squares / n - mean * mean));
        return new Point(settings.segmentSize(), settings.sufficiencyThreshold(), round(100 * mean), round(100 * sd / Math.sqrt(n)),
                round(100 * sp / n), round((double) steps / n), documentTokens == 0 ? 0 : Math.round(10000.0 * evidenceTokens / documentTokens) / 10000.0,
                round(ms / n));
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
