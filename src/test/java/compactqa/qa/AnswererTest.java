package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.model.CompressorModel;
import compactqa.model.ReaderPrediction;

/** Compress, then read, then withhold what is too unsure: on a hand-made scorer and reader. */
class AnswererTest {

    private static final List<Document> DOCS = List.of(
            Document.fromSentences("d1", "Denver", List.of("Denver hosted the final.", "It snowed."), "t"),
            Document.fromSentences("d2", "Broncos", List.of("The Broncos won it.", "They wore orange."), "t"));

    /** Keeps the sentences that mention the final or a win; never sufficient, so every document is read. */
    private static final SentenceScorer SCORER = (question, evidence, passages) -> passages.stream()
            .map(p -> new CompressorModel.PassageScores(p.sentences().stream()
                    .mapToDouble(s -> s.contains("final") || s.contains("won") ? 0.9 : 0.1).toArray(), 0.1)).toList();

    private static final CompressionSettings SETTINGS = new CompressionSettings(1, 4, 100, 0.5, 0.5, false);

    /** A reader that answers "Broncos" with a fixed confidence and remembers the contexts it was given. */
    private static final class FixedReader implements Answerer.ContextReader {
        final List<String> contexts = new ArrayList<>();
        final double confidence;

        FixedReader(double confidence) {
            this.confidence = confidence;
        }

        @Override
        public ReaderPrediction answer(String question, String context) {
            contexts.add(context);
            return new ReaderPrediction("Broncos", AnswerType.SPAN, confidence, 4, 11);
        }
    }

    private static Answerer answerer(FixedReader reader) {
        return new Answerer(new ActiveCompressor(SCORER, s -> s.split(" ").length), reader);
    }

    @Test
    void readsTheKeptSentencesGroupedByDocumentUnderTheirTitles() {
        FixedReader reader = new FixedReader(0.8);
        Answerer.Answer a = answerer(reader).answer("Who won the final?", DOCS, null, SETTINGS, 0);
        assertEquals(List.of("Denver: Denver hosted the final. Broncos: The Broncos won it."), reader.contexts);
        assertEquals("Broncos", a.text());
        assertEquals(AnswerKind.SPAN, a.kind());
        assertEquals(0.8, a.confidence());
        assertNull(a.withheld());
        assertEquals(2, a.compressed().evidence().size());
        assertTrue(a.compressionMs() >= 0 && a.readerMs() >= 0);
    }

    @Test
    void anAnswerShortOfTheThresholdIsWithheldWithItsBestGuess() {
        Answerer.Answer a = answerer(new FixedReader(0.3)).answer("Who won the final?", DOCS, null, SETTINGS, 0.5);
        assertEquals("", a.text());
        assertEquals(AnswerKind.NONE, a.kind());
        assertEquals(new QaTrace.BestGuess("Broncos", AnswerKind.SPAN, 0.3, 0.5), a.withheld());
        assertEquals(2, a.compressed().evidence().size(), "the evidence is still returned");
        Answerer.Answer sure = answerer(new FixedReader(0.5)).answer("Who won the final?", DOCS, null, SETTINGS, 0.5);
        assertEquals("Broncos", sure.text(), "at the threshold it answers");
    }

    @Test
    void noDocumentsIsNoAnswerAndTheReaderIsNotAsked() {
        FixedReader reader = new FixedReader(0.9);
        Answerer.Answer a = answerer(reader).answer("Who won?", List.of(), null, SETTINGS, 0);
        assertEquals(AnswerKind.NONE, a.kind());
        assertEquals("", a.text());
        assertEquals(0, a.confidence());
        assertNull(a.withheld(), "nothing was guessed");
        assertTrue(reader.contexts.isEmpty());
    }

    @Test
    void givenEvidenceIsReadAsItsOwnWouldBe() {
        FixedReader reader = new FixedReader(0.7);
        List<EvidenceSentence> gold = List.of(new EvidenceSentence("d2", "Broncos", 2, 0, 0, 19, "The Broncos won it.", 1, 4, 0));
        Answerer.Answer a = answerer(reader).read("Who won?", gold, 0);
        assertEquals(List.of("Broncos: The Broncos won it."), reader.contexts);
        assertEquals("Broncos", a.text());
        assertEquals(4, a.compressed().evidenceTokens());
        assertEquals(0, a.compressionMs());
    }

    @Test
    void anInterruptedQuestionStopsBeforeReading() {
        FixedReader reader = new FixedReader(0.9);
        SentenceScorer interrupting = (question, evidence, passages) -> {
            Thread.currentThread().interrupt();
            return SCORER.score(question, evidence, passages);
        };
        Answerer answerer = new Answerer(new ActiveCompressor(interrupting, s -> 1), reader);
        try {
            assertThrows(CancellationException.class,
                    () -> answerer.answer("Who won?", DOCS, null, new CompressionSettings(2, 1, 100, 0.5, 0.5, false), 0));
        } finally {
            Thread.interrupted();
        }
        assertTrue(reader.contexts.isEmpty());
    }
}
