package compactqa.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import compactqa.corpus.AnswerType;
import compactqa.corpus.Document;
import compactqa.corpus.ReaderContext;
import compactqa.index.IndexService;
import compactqa.index.SearchHit;
import compactqa.model.CompressorModel;
import compactqa.model.ReaderPrediction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A question in, an answer out: retrieve (or take the caller's documents, ordered by BM25 among
 * themselves), compress actively, read the evidence. Thread-safe: the models and the index allow
 * concurrent callers.
 */
@ApplicationScoped
public class QaPipeline {

    private final IndexService index;
    private final QaModels models;
    private final QaConfig config;
    private static final ReaderPrediction NO_ANSWER = new ReaderPrediction("", AnswerType.SPAN, 0, -1, -1);

    private final LexicalRanker ranker = new LexicalRanker();

    @Inject
    public QaPipeline(IndexService index, QaModels models, QaConfig config) {
        this.index = index;
        this.models = models;
        this.config = config;
    }

    /** The settings a request gets: its own, or the configured ones. */
    public CompressionSettings settings(QaRequest request) {
        return new CompressionSettings(or(request.segmentSize(), config.segmentSize()), or(request.maxSteps(), config.maxSteps()),
                or(request.budgetTokens(), config.budgetTokens()), config.sentenceThreshold(), config.sufficiencyThreshold(),
                config.checkEvidence());
    }

    public QaAnswer answer(QaRequest request) {
        models.load(); // loading the models (once) is not part of any answer's time
        try (QaModels.Pair pair = models.acquire()) { // the pair stays open for this question, even if swapped meanwhile
            return answer(request, pair);
        }
    }

    private QaAnswer answer(QaRequest request, QaModels.Pair models) {
        long start = System.nanoTime();
        List<Document> documents;
        double[] retrievalScores;
        if (request.documents() != null) {
            LexicalRanker.Ranked ranked = ranker.rankScored(request.question(), request.documents());
            documents = ranked.documents();
            retrievalScores = ranked.scores();
        } else {
            List<SearchHit> hits = index.search(request.question(), or(request.k(), config.k()), false).hits();
            documents = hits.stream().map(SearchHit::document).toList();
            retrievalScores = hits.stream().mapToDouble(SearchHit::score).toArray();
        }
        long retrieved = System.nanoTime();
        CompressionResult compressed = new ActiveCompressor(scorer(models.compressor()), text -> models.compressor().tokens(text),
                models.selection()).compress(request.question(), documents, retrievalScores, settings(request));
        long compressedAt = System.nanoTime();
        if (Thread.interrupted()) {
            throw new CancellationException("the question was cancelled before reading");
        }
        ReaderPrediction prediction = compressed.evidence().isEmpty() ? NO_ANSWER
                : models.reader().answer(request.question(), context(compressed.evidence()));
        long read = System.nanoTime();
        double threshold = request.minConfidence() != null ? request.minConfidence() : config.minConfidence();
        // no evidence (no documents) is no answer; an answer short of the threshold is withheld
        AnswerKind kind = compressed.evidence().isEmpty() ? AnswerKind.NONE : AnswerKind.of(prediction.type());
        QaTrace.BestGuess withheld = kind == AnswerKind.NONE || prediction.confidence() >= threshold ? null
                : new QaTrace.BestGuess(prediction.text(), kind, prediction.confidence(), threshold);
        QaTrace trace = new QaTrace(documents.size(), compressed.steps(), compressed.stoppedEarly(), compressed.documentTokens(),
                compressed.evidenceTokens(), ms(start, retrieved), ms(retrieved, compressedAt), ms(compressedAt, read), ms(start, read),
                withheld);
        if (withheld != null) {
            return new QaAnswer(request.question(), "", AnswerKind.NONE, prediction.confidence(), compressed.evidence(), trace);
        }
        return new QaAnswer(request.question(), prediction.text(), kind, prediction.confidence(), compressed.evidence(), trace);
    }

    /** The active compressor over a trained compressor, counting tokens with its tokenizer. */
    public static ActiveCompressor compressor(CompressorModel model) {
        return new ActiveCompressor(scorer(model), text -> model.tokens(text));
    }

    /** The trained compressor as a {@link SentenceScorer}. */
    public static SentenceScorer scorer(CompressorModel model) {
        return (question, evidence, passages) -> model.score(question, evidence,
                passages.stream().map(p -> new CompressorModel.Passage(p.title(), p.sentences())).toList())
                .stream().map(s -> new SentenceScorer.Scores(s.sentences(), s.sufficiency())).toList();
    }

    /** The reader's context: the evidence grouped by document, each as {@code Title: sentences}. */
    public static String context(List<EvidenceSentence> evidence) {
        Map<String, List<EvidenceSentence>> byDocument = new LinkedHashMap<>();
        evidence.forEach(e -> byDocument.computeIfAbsent(e.documentId(), id -> new ArrayList<>()).add(e));
        return ReaderContext.of(byDocument.values().stream().map(sentences -> new ReaderContext.Passage(sentences.get(0).title(),
                String.join(" ", sentences.stream().map(EvidenceSentence::text).toList()))).toList());
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static double ms(long from, long to) {
        return Math.round((to - from) / 1e4) / 100.0;
    }
}
