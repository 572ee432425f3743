package compactqa.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.model.CompressorModel;
import compactqa.model.ReaderPrediction;

/**
 * The pipeline over the caller's documents, on a hand-made scorer and reader: the order BM25 gives
 * them, which settings win (request, configuration, the compressor's loop), the confidence
 * threshold, and a trace that adds up.
 */
class QaPipelineTest {

    private static final List<Document> DOCS = List.of(
            Document.fromSentences("d1", "Orange", List.of("Orange is a colour.", "It is bright."), "t"),
            Document.fromSentences("d2", "Denver", List.of("Denver hosted the final.", "It snowed."), "t"),
            Document.fromSentences("d3", "Broncos", List.of("The Broncos won the final.", "They wore orange."), "t"));

    /** Keeps the sentences about the final; never sufficient, so every segment is read. */
    private static final SentenceScorer SCORER = (question, evidence, passages) -> passages.stream()
            .map(p -> new CompressorModel.PassageScores(p.sentences().stream()
                    .mapToDouble(s -> s.contains("final") ? 0.9 : 0.1).toArray(), 0.1)).toList();

    private static Answerer answerer(double confidence) {
        Answerer.ContextReader reader = (question, context) -> new ReaderPrediction("Broncos", AnswerType.SPAN, confidence, 4, 11);
        return new Answerer(new ActiveCompressor(SCORER, s -> s.split(" ").length), reader);
    }

    /** The configuration with its defaults, but for the segment size and the confidence threshold. */
    private static QaConfig config(Integer segmentSize, double minConfidence) {
        return new QaConfig() {
            public Path reader() { return Path.of("models/reader"); }
            public Path compressor() { return Path.of("models/compressor"); }
            public boolean requireModels() { return false; }
            public int k() { return 10; }
            public int hops() { return 1; }
            public Optional<Integer> segmentSize() { return Optional.ofNullable(segmentSize); }
            public Optional<Integer> maxSteps() { return Optional.empty(); }
            public int budgetTokens() { return 200; }
            public Optional<Double> sentenceThreshold() { return Optional.empty(); }
            public Optional<Double> supportThreshold() { return Optional.empty(); }
            public Optional<Double> sufficiencyThreshold() { return Optional.empty(); }
            public boolean checkEvidence() { return true; }
            public double minConfidence() { return minConfidence; }
            public Duration deadline() { return Duration.ofSeconds(10); }
            public int workers() { return 2; }
            public int queue() { return 16; }
            public int heavyTokens() { return 8000; }
            public int heavyWorkers() { return 1; }
        };
    }

    private static QaRequest request(Integer segmentSize, Double minConfidence) {
        return new QaRequest("Who won the final?", null, segmentSize, null, null, DOCS, minConfidence);
    }

    private static QaPipeline pipeline(QaConfig config) {
        // no index and no models: the request brings its documents, the test its answerer
        return new QaPipeline(null, null, config);
    }

    @Test
    void answersFromTheGivenDocumentsWithATraceThatAddsUp() {
        QaAnswer a = pipeline(config(null, 0)).answer(request(null, null), answerer(0.8), LoopSettings.BUILT_IN);
        assertEquals("Broncos", a.answer());
        assertEquals(AnswerKind.SPAN, a.type());
        assertEquals(0.8, a.confidence());
        assertEquals(List.of("Broncos", "Denver"), a.evidence().stream().map(EvidenceSentence::title).toList(),
                "BM25 puts the documents naming the final first, and only their sentences about it are kept");
        QaTrace t = a.trace();
        assertEquals(3, t.retrieved());
        assertEquals(2, t.steps().size(), "three documents, two a step (the built-in loop)");
        assertTrue(t.retrievalMs() >= 0 && t.compressionMs() >= 0 && t.readerMs() >= 0);
        assertEquals(t.retrievalMs() + t.compressionMs() + t.readerMs(), t.totalMs(), 0.011);
        assertNull(t.bestGuess());
    }

    @Test
    void theRequestOverridesTheConfigurationWhichOverridesTheLoop() {
        LoopSettings loop = new LoopSettings(3, 5, 0.5, 0.5, 0.5, Map.of());
        assertEquals(1, pipeline(config(null, 0)).answer(request(null, null), answerer(0.8), loop).trace().steps().size(),
                "the compressor's loop: three a step");
        assertEquals(3, pipeline(config(1, 0)).answer(request(null, null), answerer(0.8), loop).trace().steps().size(),
                "the configuration: one a step");
        assertEquals(2, pipeline(config(1, 0)).answer(request(2, null), answerer(0.8), loop).trace().steps().size(),
                "the request: two a step");
        LoopSettings twoSteps = new LoopSettings(1, 2, 0.5, 0.5, 0.5, Map.of());
        assertEquals(2, pipeline(config(null, 0)).answer(request(null, null), answerer(0.8), twoSteps).trace().steps().size(),
                "the compressor's loop: at most two steps");
    }

    @Test
    void anAnswerBelowTheThresholdIsWithheldWithItsBestGuessInTheTrace() {
        QaAnswer configured = pipeline(config(null, 0.9)).answer(request(null, null), answerer(0.8), LoopSettings.BUILT_IN);
        assertEquals(AnswerKind.NONE, configured.type());
        assertEquals("", configured.answer());
        assertNotNull(configured.trace().bestGuess());
        assertEquals("Broncos", configured.trace().bestGuess().answer());
        assertEquals(0.9, configured.trace().bestGuess().threshold());

        QaAnswer asked = pipeline(config(null, 0.9)).answer(request(null, 0.5), answerer(0.8), LoopSettings.BUILT_IN);
        assertEquals("Broncos", asked.answer(), "the request's threshold wins over the configured one");
    }
}
