package compactqa.qa;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import compactqa.corpus.Document;
import compactqa.corpus.Sentence;
import compactqa.metrics.LogisticRegression;
import compactqa.model.CompressorModel;

/**
 * Fits an {@link EvidenceSelection} on questions with labelled supporting sentences (validation
 * questions, never a benchmark), reading them as the active loop does: every paragraph scored
 * with no evidence (the first hop), then, for each supporting paragraph in turn, the others scored
 * with its supporting sentences as evidence (the second hop, where a title named by the evidence
 * matters). Each sentence is a sample: its logit, its paragraph's best logit and the paragraph's
 * signals, labelled by whether it supports the question. The report compares the compressor's own
 * probabilities with the fitted ones on the half of the questions the weights were not fitted on.
 */
public final class SelectionFit {

    /**
     * A question with labelled support.
     *
     * @param documents       its paragraphs, in reading order
     * @param retrievalScores each paragraph's retrieval score, or null
     * @param gold            the supporting sentences' indices, by document id
     */
    public record Question(String question, List<Document> documents, double[] retrievalScores, Map<String, Set<Integer>> gold) {
    }

    private static final double RIDGE = 1e-4;

    private SelectionFit() {
    }

    /** The fitted selection, with its report; {@code log} hears progress. */
    public static EvidenceSelection fit(SentenceScorer scorer, List<Question> questions, PrintWriter log) {
        List<List<Reading>> byQuestion = new ArrayList<>();
        long start = System.nanoTime();
        for (Question q : questions) {
            byQuestion.add(readings(scorer, q));
            if (byQuestion.size() % 50 == 0 && log != null) {
                double seconds = (System.nanoTime() - start) / 1e9;
                log.printf(Locale.ROOT, "selection: %d/%d questions, %.1f/s, ETA %.0f s%n", byQuestion.size(), questions.size(),
                        byQuestion.size() / seconds, seconds / byQuestion.size() * (questions.size() - byQuestion.size()));
                log.flush();
            }
        }
        List<LogisticRegression.Sample> fitHalf = new ArrayList<>();
        List<LogisticRegression.Sample> testHalf = new ArrayList<>();
        List<List<Reading>> testQuestions = new ArrayList<>();
        for (int i = 0; i < byQuestion.size(); i++) {
            List<LogisticRegression.Sample> into = i % 2 == 0 ? fitHalf : testHalf;
            byQuestion.get(i).forEach(r -> into.add(r.sample()));
            if (i % 2 == 1) {
                testQuestions.add(byQuestion.get(i));
            }
        }
        if (fitHalf.stream().noneMatch(LogisticRegression.Sample::positive) || testHalf.isEmpty()) {
            throw new IllegalArgumentException("too few labelled questions to fit the evidence selection on");
        }
        EvidenceSelection identity = EvidenceSelection.IDENTITY;
        LogisticRegression.Fit onHalf = LogisticRegression.fit(fitHalf, identity.weights(), identity.bias(), RIDGE);
        List<LogisticRegression.Sample> all = new ArrayList<>(fitHalf);
        all.addAll(testHalf);
        LogisticRegression.Fit onAll = LogisticRegression.fit(all, identity.weights(), identity.bias(), RIDGE);
        LogisticRegression.Fit asIs = new LogisticRegression.Fit(identity.weights(), identity.bias());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("questions", questions.size());
        report.put("samples", all.size());
        report.put("positives", all.stream().filter(LogisticRegression.Sample::positive).count());
        report.put("log_loss_before", round(asIs.logLoss(testHalf)));
        report.put("log_loss_after", round(onHalf.logLoss(testHalf)));
        report.put("first_hop_para_recall_at2_before", round(firstHopRecall(testQuestions, asIs)));
        report.put("first_hop_para_recall_at2_after", round(firstHopRecall(testQuestions, onHalf)));
        report.put("measured_on", "the odd-numbered half of the questions, weights fitted on the even half");
        report.put("features", List.of("sentence_logit", "paragraph_logit", "title_in_question", "title_words_in_question",
                "title_in_evidence", "evidence_title_in_text", "retrieval"));
        return new EvidenceSelection(onAll.weights(), onAll.bias(), report);
    }

    /** One scored sentence: its features, its label, its document and whether it was read with no evidence. */
    record Reading(double[] features, boolean gold, String documentId, boolean firstHop) {
        LogisticRegression.Sample sample() {
            return new LogisticRegression.Sample(features, gold);
        }
    }

    static List<Reading> readings(SentenceScorer scorer, Question q) {
        double[] retrieval = ActiveCompressor.relativeScores(q.documents().size(), q.retrievalScores());
        List<Reading> out = new ArrayList<>();
        read(scorer, q, q.documents(), retrieval, List.of(), true, out);
        for (Document g : q.documents()) {
            Set<Integer> support = q.gold().getOrDefault(g.id(), Set.of());
            if (support.isEmpty()) {
                continue;
            }
            List<EvidenceSentence> evidence = new ArrayList<>();
            for (int i : support) {
                Sentence s = g.sentences().get(i);
                evidence.add(new EvidenceSentence(g.id(), g.title(), 0, i, s.start(), s.end(), s.text(), 1, 0, 0));
            }
            List<Document> others = q.documents().stream().filter(d -> d != g).toList();
            double[] otherRetrieval = new double[others.size()];
            for (int k = 0, j = 0; k < q.documents().size(); k++) {
                if (q.documents().get(k) != g) {
                    otherRetrieval[j++] = retrieval[k];
                }
            }
            read(scorer, q, others, otherRetrieval, evidence, false, out);
        }
        return out;
    }

    private static void read(SentenceScorer scorer, Question q, List<Document> documents, double[] retrieval,
                             List<EvidenceSentence> evidence, boolean firstHop, List<Reading> out) {
        List<CompressorModel.PassageScores> scores = scorer.score(q.question(), evidence.stream().map(EvidenceSentence::text).toList(),
                documents.stream().map(CompressorModel.Passage::of).toList());
        for (int k = 0; k < documents.size(); k++) {
            Document d = documents.get(k);
            double[] probabilities = scores.get(k).sentences();
            ParagraphSignals signals = ActiveCompressor.signals(q.question(), d, evidence, retrieval[k]);
            double paragraph = scores.get(k).best();
            Set<Integer> support = q.gold().getOrDefault(d.id(), Set.of());
            for (int i = 0; i < probabilities.length; i++) {
                if (!Double.isNaN(probabilities[i])) {
                    out.add(new Reading(EvidenceSelection.features(probabilities[i], paragraph, signals), support.contains(i), d.id(),
                            firstHop));
                }
            }
        }
    }

    /** Among questions with two supporting paragraphs, the share whose two best paragraphs on the first hop (by best sentence) are the supporting ones. */
    static double firstHopRecall(List<List<Reading>> questions, LogisticRegression.Fit fit) {
        int hits = 0;
        int twoHop = 0;
        for (List<Reading> readings : questions) {
            Map<String, Double> best = new LinkedHashMap<>();
            Set<String> gold = new HashSet<>();
            for (Reading r : readings) {
                if (r.firstHop()) {
                    best.merge(r.documentId(), fit.probability(r.features()), Math::max);
                    if (r.gold()) {
                        gold.add(r.documentId());
                    }
                }
            }
            List<String> top = best.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                    .limit(2).map(Map.Entry::getKey).toList();
            if (gold.size() == 2) {
                twoHop++;
                hits += gold.containsAll(top) ? 1 : 0;
            }
        }
        return twoHop == 0 ? 0 : (double) hits / twoHop;
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
