package compactqa.eval;

import java.util.ArrayList;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExamples;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.MatchScore;
import compactqa.metrics.ScoreMean;
import compactqa.model.ReaderModel;
import compactqa.model.ReaderPrediction;

/**
 * Scores a reader with the official answer metrics: every question counts, including those whose
 * answer does not appear in the context given (they can only score by luck).
 */
public final class ReaderEvaluation {

    /**
     * One question to answer.
     *
     * @param question the question
     * @param context  the context to answer from
     * @param answers  the gold answer and its aliases
     */
    public record Item(String question, String context, List<String> answers) {
    }

    /**
     * The scores.
     *
     * @param f1             mean F1, in percent
     * @param em             mean exact match, in percent
     * @param questions      questions scored
     * @param yesNoQuestions questions whose gold answer is yes or no
     * @param yesNoAccuracy  share of those answered exactly, in percent
     * @param msPerQuestion  mean wall time per question, batched
     */
    public record Result(double f1, double em, int questions, int yesNoQuestions, double yesNoAccuracy, double msPerQuestion) {
    }

    private ReaderEvaluation() {
    }

    /** The items of {@code examples}: their supporting paragraphs as context. */
    public static List<Item> oracle(List<QaExample> examples) {
        return examples.stream().filter(e -> !e.supportingParagraphs().isEmpty() && !e.answers().isEmpty())
                .map(e -> new Item(e.question(), ReaderExamples.context(e), e.answers())).toList();
    }

    /**
     * Answers every item and scores the answers.
     *
     * @param script the official script to follow (SQuAD's has no yes/no rule)
     */
    public static Result run(ReaderModel reader, List<Item> items, AnswerMetrics.Script script) {
        return run(reader, items, script, (item, prediction, score) -> { });
    }

    /** Each item's answer and its score, for error analysis. */
    @FunctionalInterface
    public interface Sink {
        void accept(Item item, ReaderPrediction prediction, MatchScore score);

        /** This sink, then {@code next}. */
        default Sink andThen(Sink next) {
            return (item, prediction, score) -> {
                accept(item, prediction, score);
                next.accept(item, prediction, score);
            };
        }
    }

    /**
     * A sink that prints, every {@code every} answers of the {@code total} in {@code set}, the
     * questions per second, the ETA and the F1 so far (a set takes minutes on this CPU).
     */
    public static Sink progress(String set, int total, int every, PrintWriter log) {
        long start = System.nanoTime();
        int[] n = {0};
        ScoreMean soFar = new ScoreMean();
        return (item, prediction, score) -> {
            soFar.add(score);
            if (++n[0] % every == 0 && n[0] < total) {
                double seconds = (System.nanoTime() - start) / 1e9;
                log.printf(Locale.ROOT, "%s: %d/%d questions, %.1f questions/s, ETA %.0f s; F1 so far %.2f%n", set, n[0], total,
                        n[0] / seconds, seconds / n[0] * (total - n[0]), 100 * soFar.mean().f1());
                log.flush();
            }
        };
    }

    /** As {@link #run(ReaderModel, List, AnswerMetrics.Script)}, handing each answer to {@code sink}. */
    public static Result run(ReaderModel reader, List<Item> items, AnswerMetrics.Script script, Sink sink) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        ScoreMean mean = new ScoreMean();
        int yesNo = 0;
        int yesNoRight = 0;
        long start = System.nanoTime();
        for (int from = 0; from < items.size(); from += 8) {
            List<Item> chunk = items.subList(from, Math.min(items.size(), from + 8));
            List<ReaderPrediction> predictions = reader.answerAll(new ArrayList<>(chunk.stream()
                    .map(i -> new ReaderModel.Query(i.question(), i.context())).toList()));
            for (int k = 0; k < chunk.size(); k++) {
                Item item = chunk.get(k);
                MatchScore score = AnswerMetrics.best(predictions.get(k).text(), item.answers(), script);
                mean.add(score);
                sink.accept(item, predictions.get(k), score);
                String gold = AnswerMetrics.normalize(item.answers().get(0));
                if (gold.equals("yes") || gold.equals("no")) {
                    yesNo++;
                    yesNoRight += score.em() == 1 ? 1 : 0;
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / items.size();
        MatchScore m = mean.mean();
        return new Result(round(100 * m.f1()), round(100 * m.em()), items.size(), yesNo,
                yesNo == 0 ? 0 : round(100.0 * yesNoRight / yesNo), round(ms));
    }

    /** The scores of a part of a run, gathered by a {@link Sink} into {@code mean} (yes / no not counted apart). */
    public static Result part(ScoreMean mean, double msPerQuestion) {
        MatchScore m = mean.mean();
        return new Result(round(100 * m.f1()), round(100 * m.em()), (int) mean.count(), 0, 0, msPerQuestion);
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
