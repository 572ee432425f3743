package compactqa.eval;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import compactqa.corpus.Document;
import compactqa.dataset.QaExample;
import compactqa.metrics.MatchScore;
import compactqa.metrics.ScoreMean;
import compactqa.metrics.SupportMetrics;
import compactqa.model.CompressorModel;
import compactqa.qa.ActiveCompressor;
import compactqa.qa.CompressionResult;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.EvidenceSentence;
import compactqa.qa.LexicalRanker;

/**
 * Scores a compressor on multi-hop questions with two supporting paragraphs among distractors:
 * whether the two paragraphs it chooses are the supporting ones (both, paragraph recall at 2), and,
 * where supporting sentences are labeled, the official supporting-fact metric of the sentences it
 * keeps. Two ways of choosing are measured: the service's own (the active loop, with the evidence
 * selection and settings the service uses, over the paragraphs in BM25 order: the two paragraphs
 * whose kept evidence scores highest, and the kept sentences), and the compressor's scores alone
 * (each paragraph scored alone, or in two steps; the sentences whose probability passes one half in
 * the two paragraphs, and at least the best of each).
 */
public final class CompressorEvaluation {

    /**
     * The scores.
     *
     * @param questions            questions with two supporting paragraphs among more paragraphs
     * @param paraRecallAt2        share whose two best paragraphs in one pass (each scored for the
     *                             question alone) are the supporting ones
     * @param paraRecallAt2TwoStep the same when the second is chosen given the first one's evidence
     * @param sentence             supporting-fact EM, F1, precision, recall at sentence level, or null
     *                             where the data set labels paragraphs only
     * @param msPerQuestion        mean wall time per question
     */
    public record Result(int questions, double paraRecallAt2, double paraRecallAt2TwoStep, MatchScore sentence,
                         double msPerQuestion, Active active) {
    }

    /**
     * The service's own choice.
     *
     * @param paraRecallAt2 share whose two paragraphs with the best kept evidence are the supporting ones
     * @param sentence      supporting-fact scores of the kept evidence, or null where only paragraphs are labeled
     */
    public record Active(double paraRecallAt2, MatchScore sentence) {
    }

    private CompressorEvaluation() {
    }

    /** Scores {@code compressor} on {@code examples} by its logits alone, reporting progress to {@code log} every 50 questions. */
    public static Result run(CompressorModel compressor, List<QaExample> examples, PrintWriter log) {
        return run(compressor, null, null, examples, log);
    }

    /**
     * Scores {@code compressor} on {@code examples}, also as the service chooses with {@code selection}
     * and {@code settings} (skipped where they are null).
     */
    public static Result run(CompressorModel compressor, EvidenceSelection selection, CompressionSettings settings,
                             List<QaExample> examples, PrintWriter log) {
        List<QaExample> eligible = examples.stream()
                .filter(e -> e.supportingParagraphs().size() == 2 && e.paragraphs().size() > 2).toList();
        if (eligible.isEmpty()) {
            throw new IllegalArgumentException("no question with two supporting paragraphs among distractors");
        }
        int twoStep = 0;
        int onePass = 0;
        ScoreMean sentences = new ScoreMean();
        int activeHits = 0;
        ScoreMean activeSentences = new ScoreMean();
        ActiveCompressor active = selection == null ? null
                : new ActiveCompressor(compressor::score, compressor::tokens, selection);
        LexicalRanker ranker = new LexicalRanker();
        boolean sentenceLevel = eligible.stream().allMatch(QaExample::hasSentenceSupport);
        long start = System.nanoTime();
        for (int n = 0; n < eligible.size(); n++) {
            QaExample e = eligible.get(n);
            Set<Integer> gold = new HashSet<>(e.supportingParagraphs());
            ParagraphSelection.Choice c = ParagraphSelection.choose(compressor, e.question(), e.paragraphs());
            if (gold.contains(c.first()) && gold.contains(c.second())) {
                twoStep++;
            }
            if (gold.containsAll(c.onePass())) {
                onePass++;
            }
            if (sentenceLevel) {
                Set<QaExample.SupportingFact> predicted = new HashSet<>();
                keep(e.paragraphs().get(c.first()), c.firstScores(), predicted);
                keep(e.paragraphs().get(c.second()), c.secondScores(), predicted);
                sentences.add(SupportMetrics.score(predicted, new HashSet<>(e.supportingFacts())));
            }
            if (active != null) {
                LexicalRanker.Ranked ranked = ranker.rankScored(e.question(), e.paragraphs());
                CompressionResult r = active.compress(e.question(), ranked.documents(), ranked.scores(), settings);
                Set<String> goldTitles = new HashSet<>();
                e.supportingParagraphs().forEach(i -> goldTitles.add(e.paragraphs().get(i).title()));
                List<String> top = topTitles(r.evidence(), 2);
                if (goldTitles.size() == 2 && top.size() == 2 && goldTitles.containsAll(top)) {
                    activeHits++;
                }
                if (sentenceLevel) {
                    Set<QaExample.SupportingFact> kept = new HashSet<>();
                    r.supporting().forEach(s -> kept.add(new QaExample.SupportingFact(s.title(), s.sentence())));
                    activeSentences.add(SupportMetrics.score(kept, new HashSet<>(e.supportingFacts())));
                }
            }
            if ((n + 1) % 50 == 0 && n + 1 < eligible.size()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                log.printf("%d/%d questions, %.1f questions/s, ETA %.0f s; recall@2 so far %.3f (two steps %.3f)%n", n + 1, eligible.size(),
                        (n + 1) / seconds, seconds / (n + 1) * (eligible.size() - n - 1), (double) onePass / (n + 1), (double) twoStep / (n + 1));
                log.flush();
            }
        }
        double ms = (System.nanoTime() - start) / 1e6 / eligible.size();
        Active activeResult = active == null ? null
                : new Active((double) activeHits / eligible.size(), sentenceLevel ? activeSentences.mean() : null);
        return new Result(eligible.size(), (double) onePass / eligible.size(), (double) twoStep / eligible.size(), sentenceLevel ? sentences.mean() : null,
                ReaderEvaluation.round(ms), activeResult);
    }

    /** The titles of the {@code n} documents whose best kept sentence scores highest. */
    static List<String> topTitles(List<EvidenceSentence> evidence, int n) {
        Map<String, Double> best = new LinkedHashMap<>();
        evidence.forEach(s -> best.merge(s.title(), s.score(), Math::max));
        return best.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /** Keeps each sentence of {@code d} whose probability passes one half, and at least its best one. */
    private static void keep(Document d, double[] logits, Set<QaExample.SupportingFact> into) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (Double.isNaN(logits[i])) {
                continue;
            }
            if (best < 0 || logits[i] > logits[best]) {
                best = i;
            }
            if (logits[i] > 0) {
                into.add(new QaExample.SupportingFact(d.title(), i));
            }
        }
        if (best >= 0) {
            into.add(new QaExample.SupportingFact(d.title(), best));
        }
    }
}
