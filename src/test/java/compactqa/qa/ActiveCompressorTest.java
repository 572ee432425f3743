package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import compactqa.corpus.Document;
import compactqa.model.CompressorModel;
import compactqa.model.Logistic;

/** The loop's control flow on hand-made scores: no model. */
class ActiveCompressorTest {

    /** Four documents of two sentences; each sentence is four "tokens" (words). */
    private static final List<Document> DOCS = List.of(
            Document.fromSentences("d1", "One", List.of("a b c d.", "e f g h."), "t"),
            Document.fromSentences("d2", "Two", List.of("i j k l.", "m n o p."), "t"),
            Document.fromSentences("d3", "Three", List.of("q r s t.", "u v w x."), "t"),
            Document.fromSentences("d4", "Four", List.of("y z a b.", "c d e f."), "t"));

    /**
     * Scores sentences by a fixed table of logits, sufficiency by another, handing out probabilities
     * as the model does; records the evidence each call saw.
     */
    private static final class TableScorer implements SentenceScorer {
        final Map<String, Double> sentences;
        final Map<String, Double> sufficiency;
        final List<List<String>> evidenceSeen = new ArrayList<>();

        TableScorer(Map<String, Double> sentences, Map<String, Double> sufficiency) {
            this.sentences = sentences;
            this.sufficiency = sufficiency;
        }

        @Override
        public List<CompressorModel.PassageScores> score(String question, List<String> evidence, List<CompressorModel.Passage> passages) {
            evidenceSeen.add(evidence);
            return passages.stream().map(p -> new CompressorModel.PassageScores(p.sentences().stream()
                    .mapToDouble(s -> Logistic.sigmoid(sentences.getOrDefault(s, -5.0))).toArray(),
                    Logistic.sigmoid(sufficiency.getOrDefault(p.title() + (evidence.isEmpty() ? "" : "+"), -5.0)))).toList();
        }
    }

    private static int words(String s) {
        return s.split(" ").length;
    }

    @Test
    void stopsAsSoonAsTheSufficiencyHeadIsConfident() {
        // the first hop in segment 1; the second hop in segment 2 becomes sufficient given the evidence
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0, "m n o p.", 2.0, "q r s t.", 4.0),
                Map.of("Three+", 3.0));
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(1, 4, 100, 0.5, 0.5, false));
        assertEquals(3, r.steps().size(), "steps 1-3 read One, Two, Three; Three given the evidence suffices");
        assertTrue(r.stoppedEarly(), "Four was never read");
        assertEquals(List.of("a b c d.", "m n o p.", "q r s t."), r.evidence().stream().map(EvidenceSentence::text).toList());
        assertEquals(List.of("a b c d.", "m n o p."), scorer.evidenceSeen.get(2), "each step sees the evidence so far");
        assertEquals(32, r.documentTokens());
        assertEquals(12, r.evidenceTokens());
        assertEquals(32.0 / 12, r.compressionRate(), 1e-9);
    }

    @Test
    void readsEverythingWhenNeverSufficientAndNoMoreThanMaxSteps() {
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0), Map.of());
        CompressionResult all = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 4, 100, 0.5, 0.5, false));
        assertEquals(2, all.steps().size(), "four documents in segments of two");
        assertFalse(all.stoppedEarly());
        CompressionResult capped = new ActiveCompressor(new TableScorer(Map.of("a b c d.", 3.0), Map.of()), ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(1, 2, 100, 0.5, 0.5, false));
        assertEquals(2, capped.steps().size(), "max steps caps the reading");
        assertEquals(List.of("d1"), capped.steps().get(0).documents());
    }

    @Test
    void aSufficiencyThresholdOfOneReadsEverySegmentAndAsksNoExtraQuestion() {
        // "Three+" is certain (sigmoid of 40 is 1.0 in doubles), and still the reading goes on
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0, "q r s t.", 4.0), Map.of("Three+", 40.0, "One", 40.0));
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(1, 4, 100, 0.5, 1.0, true));
        assertEquals(4, r.steps().size());
        assertFalse(r.stoppedEarly());
        assertEquals(4, scorer.evidenceSeen.size(), "one scoring a step: the merged evidence is not checked");
        assertTrue(r.steps().stream().noneMatch(StepTrace::checked));
    }

    @Test
    void theAnswerNamesAsSupportingOnlyTheEvidenceAboveTheSupportThresholdAndAtLeastTheStrongest() {
        // sigmoid: 3 -> 0.95, 1 -> 0.73, 0 -> 0.5
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0, "e f g h.", 1.0, "i j k l.", 0.0), Map.of());
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 2, 100, 0.4, 1.0, false, 0.7));
        assertEquals(List.of("a b c d.", "e f g h.", "i j k l."), r.evidence().stream().map(EvidenceSentence::text).toList(),
                "the reader reads everything above 0.4");
        assertEquals(List.of("a b c d.", "e f g h."), r.supporting().stream().map(EvidenceSentence::text).toList());
        assertEquals(List.of("a b c d."), CompressionResult.supporting(r.evidence(), 0.99).stream().map(EvidenceSentence::text).toList(),
                "none reaches it: the strongest still supports");
        assertEquals(List.of(), CompressionResult.supporting(List.of(), 0.5));
        assertEquals(r.evidence(), new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 2, 100, 0.4, 1.0, false)).supporting(),
                "by default all the evidence supports");
    }

    @Test
    void theBudgetKeepsTheStrongestAndWeakerSentencesLeaveWhenBetterOnesArrive() {
        // budget 8 = two sentences; step 1 keeps the two of One; step 2 brings a stronger one, and the weakest leaves
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 1.0, "e f g h.", 2.0, "i j k l.", 3.0), Map.of());
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(1, 2, 8, 0.5, 0.5, false));
        assertEquals(List.of("a b c d.", "e f g h."), r.steps().get(0).kept().stream().map(EvidenceSentence::text).toList());
        assertEquals(List.of("e f g h.", "i j k l."), r.evidence().stream().map(EvidenceSentence::text).toList(),
                "in reading order: document rank, then position");
        assertEquals(List.of("a b c d."), r.steps().get(1).dropped().stream().map(EvidenceSentence::text).toList());
        assertTrue(r.evidenceTokens() <= 8);
    }

    @Test
    void aSentenceTooLongForWhatIsLeftGivesWayToShorterOnes() {
        List<Document> docs = List.of(Document.fromSentences("d", "T", List.of("a b c d e f.", "g h.", "i j."), "t"));
        TableScorer scorer = new TableScorer(Map.of("a b c d e f.", 3.0, "g h.", 2.0, "i j.", 1.0), Map.of());
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", docs, new CompressionSettings(1, 1, 5, 0.5, 0.5, false));
        assertEquals(List.of("g h.", "i j."), r.evidence().stream().map(EvidenceSentence::text).toList());
    }

    @Test
    void withNothingAboveTheThresholdTheBestSentenceSeenIsTheEvidence() {
        TableScorer scorer = new TableScorer(Map.of("u v w x.", -1.0), Map.of());
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 2, 100, 0.5, 0.5, false));
        assertEquals(List.of("u v w x."), r.evidence().stream().map(EvidenceSentence::text).toList());
        EvidenceSentence e = r.evidence().get(0);
        assertEquals("d3", e.documentId());
        assertEquals(3, e.rank());
        assertEquals(1, e.sentence());
        assertEquals("u v w x.", DOCS.get(2).text().substring(e.start(), e.end()));
        assertEquals(e, r.fallback(), "the trace says where the evidence came from");
        assertTrue(r.steps().stream().allMatch(st -> st.kept().isEmpty()), "no step kept it");
        assertEquals(List.of(4, 4), r.steps().stream().map(StepTrace::belowThreshold).toList(),
                "every sentence of each segment scored under the threshold");
    }

    @Test
    void eachStepCountsTheSentencesUnderTheThresholdAndNoFallbackWhereSomethingWasKept() {
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0, "i j k l.", 3.0, "m n o p.", 2.0), Map.of());
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 2, 100, 0.5, 0.5, false));
        assertEquals(List.of(1, 4), r.steps().stream().map(StepTrace::belowThreshold).toList(),
                "step 1: e f g h. under it; step 2: all four of Three and Four");
        assertEquals(null, r.fallback());
    }

    @Test
    void theScorerSeesTheEvidenceStrongestFirstSoThatACutDropsTheWeakest() {
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 1.0, "e f g h.", 2.0), Map.of());
        new ActiveCompressor(scorer, ActiveCompressorTest::words).compress("q?", DOCS, new CompressionSettings(1, 2, 100, 0.5, 0.5, false));
        assertEquals(List.of("e f g h.", "a b c d."), scorer.evidenceSeen.get(1));
    }

    @Test
    void anInterruptedCallerStopsBeforeTheNextStep() {
        TableScorer scorer = new TableScorer(Map.of(), Map.of());
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancellationException.class, () -> new ActiveCompressor(scorer, ActiveCompressorTest::words)
                    .compress("q?", DOCS, new CompressionSettings(1, 4, 100, 0.5, 0.5, false)));
            assertTrue(scorer.evidenceSeen.isEmpty(), "no step ran");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theMergedEvidenceIsCheckedBeforeTheNextSegmentIsRead() {
        // both hops are in segment 1 (One and Two), each judged without the other: neither suffices alone,
        // but the evidence they leave does, so segment 2 (Three, Four) is never read
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0, "m n o p.", 2.0), Map.of("One+", 3.0));
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 4, 100, 0.5, 0.5, true));
        assertEquals(1, r.steps().size());
        assertTrue(r.steps().get(0).checked());
        assertTrue(r.stoppedEarly());
        assertEquals(List.of("a b c d.", "m n o p."), scorer.evidenceSeen.get(1), "the check sees the merged evidence, strongest first");

        CompressionResult unchecked = new ActiveCompressor(new TableScorer(Map.of("a b c d.", 3.0, "m n o p.", 2.0), Map.of("One+", 3.0)),
                ActiveCompressorTest::words).compress("q?", DOCS, new CompressionSettings(2, 4, 100, 0.5, 0.5, false));
        assertEquals(2, unchecked.steps().size(), "without the check the next segment is read");
    }

    @Test
    void noCheckAfterTheLastSegmentOrWhenNothingWasAdded() {
        TableScorer scorer = new TableScorer(Map.of(), Map.of());
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, new CompressionSettings(2, 4, 100, 0.5, 0.5, true));
        assertEquals(2, scorer.evidenceSeen.size(), "two segments, no evidence ever added: no checks");
        assertFalse(r.steps().get(0).checked());
    }

    @Test
    void aSecondHopSearchesWithTheEvidenceAndReadsWhatItFindsNext() {
        // One's first sentence is evidence without sufficing; the retriever, asked with it, finds Five
        // (the bridge) and Two (read already); Five given the evidence suffices
        Document five = Document.fromSentences("d5", "Five", List.of("bridge found here.", "other words here."), "t");
        TableScorer scorer = new TableScorer(Map.of("a b c d.", 3.0, "bridge found here.", 3.0), Map.of("Five+", 3.0));
        List<String> queries = new ArrayList<>();
        Retriever retriever = query -> {
            queries.add(query);
            return new Retriever.Retrieved(List.of(DOCS.get(1), five), new double[] {2.0, 1.0});
        };
        CompressionResult r = new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, null, new CompressionSettings(1, 4, 100, 0.5, 0.5, false), retriever, 2);
        assertEquals(List.of("q? One a b c d."), queries, "the question, the evidence's title and its sentence");
        assertEquals(new StepTrace.Hop("q? One a b c d.", List.of("d5")), r.steps().get(0).hop(), "Two was read already");
        assertEquals(List.of("d5"), r.steps().get(1).documents(), "what the hop found is read next");
        assertTrue(r.stoppedEarly());
        assertEquals(List.of("a b c d.", "bridge found here."), r.evidence().stream().map(EvidenceSentence::text).toList());
        assertEquals(32 + 6, r.documentTokens(), "the hop's document counts as read material");

        // one hop in all searches nothing again
        List<String> none = new ArrayList<>();
        new ActiveCompressor(new TableScorer(Map.of("a b c d.", 3.0), Map.of()), ActiveCompressorTest::words)
                .compress("q?", DOCS, null, new CompressionSettings(1, 4, 100, 0.5, 0.5, false), q -> {
                    none.add(q);
                    return new Retriever.Retrieved(List.of(), new double[0]);
                }, 1);
        assertTrue(none.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ActiveCompressor(scorer, ActiveCompressorTest::words)
                .compress("q?", DOCS, null, new CompressionSettings(1, 4, 100, 0.5, 0.5, false), retriever, 0));
    }
}
