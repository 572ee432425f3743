package compactqa.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.ReaderContext;
import compactqa.model.CompressorModel;
import compactqa.model.ReaderModel;
import compactqa.model.ReaderPrediction;

/**
 * Answers a question from given documents: compresses them actively, then reads the evidence; an
 * answer less confident than asked for is withheld. The service, {@code qa ask} and the benchmark
 * all answer through it, so that what is measured is what is served. Thread-safe if its parts are.
 */
public final class Answerer {

    /** Reads a context for a question: the trained reader ({@code ReaderModel::answer}), or a hand-made one in tests. */
    @FunctionalInterface
    public interface ContextReader {
        ReaderPrediction answer(String question, String context);
    }

    private static final ReaderPrediction NO_ANSWER = new ReaderPrediction("", AnswerType.SPAN, 0, -1, -1);

    private final ActiveCompressor compressor;
    private final ContextReader reader;

    public Answerer(ActiveCompressor compressor, ContextReader reader) {
        this.compressor = compressor;
        this.reader = reader;
    }

    /** The answerer of a trained compressor and reader, the compressor's scores turned into evidence by {@code selection}. */
    public static Answerer of(CompressorModel compressor, EvidenceSelection selection, ReaderModel reader) {
        return new Answerer(new ActiveCompressor(compressor::score, compressor::tokens, selection), reader::answer);
    }

    /**
     * What answering one question gave.
     *
     * @param text          the answer; empty where there is none
     * @param kind          span, yes or no; none where there was no evidence or the answer was withheld
     * @param confidence    the reader's (calibrated) confidence in its best guess; 0 without evidence
     * @param withheld      the best guess, where it fell short of the threshold; else null
     * @param compressed    the evidence the reader read, and how the compression went
     * @param compressionMs milliseconds compressing
     * @param readerMs      milliseconds reading
     */
    public record Answer(String text, AnswerKind kind, double confidence, QaTrace.BestGuess withheld, CompressionResult compressed,
                         double compressionMs, double readerMs) {
    }

    /**
     * Answers {@code question} from {@code documents}, given in reading order.
     *
     * @param retrievalScores each document's retrieval score, or null
     * @param minConfidence   answers less confident than this are withheld (0 answers always)
     * @throws CancellationException if the thread is interrupted before reading
     */
    public Answer answer(String question, List<Document> documents, double[] retrievalScores, CompressionSettings settings,
                         double minConfidence) {
        return answer(question, documents, retrievalScores, settings, minConfidence, null, 1);
    }

    /**
     * Answers {@code question} from {@code documents}, given in reading order, searching
     * {@code retriever} again for up to {@code hops - 1} more hops ({@link ActiveCompressor}).
     *
     * @throws CancellationException if the thread is interrupted before reading
     */
    public Answer answer(String question, List<Document> documents, double[] retrievalScores, CompressionSettings settings,
                         double minConfidence, Retriever retriever, int hops) {
        long start = System.nanoTime();
        CompressionResult compressed = compressor.compress(question, documents, retrievalScores, settings, retriever, hops);
        double compressionMs = (System.nanoTime() - start) / 1e6;
        if (Thread.interrupted()) {
            throw new CancellationException("the question was cancelled before reading");
        }
        return read(question, compressed, minConfidence, compressionMs);
    }

    /** Reads {@code evidence} chosen elsewhere (the benchmark's oracle: the gold sentences), as {@link #answer} reads its own. */
    public Answer read(String question, List<EvidenceSentence> evidence, double minConfidence) {
        CompressionResult given = new CompressionResult(List.copyOf(evidence), List.of(), false, 0,
                evidence.stream().mapToInt(EvidenceSentence::tokens).sum(), null);
        return read(question, given, minConfidence, 0);
    }

    private Answer read(String question, CompressionResult compressed, double minConfidence, double compressionMs) {
        long start = System.nanoTime();
        // no evidence (no documents) is no answer
        ReaderPrediction prediction = compressed.evidence().isEmpty() ? NO_ANSWER : reader.answer(question, context(compressed.evidence()));
        double readerMs = (System.nanoTime() - start) / 1e6;
        AnswerKind kind = compressed.evidence().isEmpty() ? AnswerKind.NONE : AnswerKind.of(prediction.type());
        if (kind != AnswerKind.NONE && prediction.confidence() < minConfidence) {
            QaTrace.BestGuess guess = new QaTrace.BestGuess(prediction.text(), kind, prediction.confidence(), minConfidence);
            return new Answer("", AnswerKind.NONE, prediction.confidence(), guess, compressed, compressionMs, readerMs);
        }
        return new Answer(prediction.text(), kind, prediction.confidence(), null, compressed, compressionMs, readerMs);
    }

    /** The reader's context: the evidence grouped by document, each as {@code Title: sentences}. */
    static String context(List<EvidenceSentence> evidence) {
        Map<String, List<EvidenceSentence>> byDocument = new LinkedHashMap<>();
        evidence.forEach(e -> byDocument.computeIfAbsent(e.documentId(), id -> new ArrayList<>()).add(e));
        return ReaderContext.of(byDocument.values().stream().map(sentences -> new ReaderContext.Passage(sentences.get(0).title(),
                String.join(" ", sentences.stream().map(EvidenceSentence::text).toList()))).toList());
    }
}
