package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.model.CompressorModel;

class SelectionFitTest {

    /**
     * Questions whose two supporting paragraphs the scorer cannot tell apart from the distractors
     * (every logit the same), but whose first hop is named in the question and whose second hop is
     * named by the first one's supporting sentence: only the signals can find them.
     */
    private static List<SelectionFit.Question> questions(int n, long seed) {
        Random random = new Random(seed);
        List<SelectionFit.Question> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            String first = "Alpha" + q;
            String second = "Beta" + q;
            List<Document> docs = new ArrayList<>();
            docs.add(Document.fromSentences("g1-" + q, first, List.of(first + " was written by " + second + ".", "It is long."), "t"));
            docs.add(Document.fromSentences("g2-" + q, second, List.of(second + " was born in 1900.", "She wrote books."), "t"));
            for (int d = 0; d < 6; d++) {
                docs.add(Document.fromSentences("d" + d + "-" + q, "Gamma" + q + "x" + d, List.of("Gamma" + d + " is a place.", "Nothing."), "t"));
            }
            java.util.Collections.shuffle(docs, random);
            out.add(new SelectionFit.Question("When was the author of " + first + " born?", docs, null,
                    Map.of("g1-" + q, Set.of(0), "g2-" + q, Set.of(0))));
        }
        return out;
    }

    private static final SentenceScorer FLAT = (question, evidence, passages) -> passages.stream()
            .map(p -> {
                double[] even = new double[p.sentences().size()];
                java.util.Arrays.fill(even, 0.5);
                return new CompressorModel.PassageScores(even, 0.5);
            }).toList();

    @Test
    void learnsFromTheSignalsWhatTheScorerCannotTell() {
        EvidenceSelection s = SelectionFit.fit(FLAT, questions(60, 1), null);
        double[] w = s.weights();
        assertTrue(w[2] + w[3] > 1, "title (and its words) in the question: " + w[2] + ", " + w[3]);
        assertTrue(w[4] > 1, "title in evidence: " + w[4]);
        assertTrue((Double) s.report().get("log_loss_after") < (Double) s.report().get("log_loss_before"));
        assertEquals(60, s.report().get("questions"));
    }

    @Test
    void theSecondHopIsReadWithTheFirstHopsSupportAsEvidence() {
        List<SelectionFit.Reading> readings = SelectionFit.readings(FLAT, questions(1, 2).get(0));
        long firstHop = readings.stream().filter(SelectionFit.Reading::firstHop).count();
        assertEquals(16, firstHop, "8 paragraphs of 2 sentences");
        assertEquals(16 + 2 * 14, readings.size(), "then, per supporting paragraph, the 7 others");
        assertTrue(readings.stream().anyMatch(r -> !r.firstHop() && r.gold() && r.features()[4] == 1),
                "the second hop's title occurs in the first hop's evidence");
    }
}
