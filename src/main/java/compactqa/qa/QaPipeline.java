package compactqa.qa;

import java.util.List;

import compactqa.corpus.Document;
import compactqa.index.IndexService;
import compactqa.index.SearchHit;
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

    private final LexicalRanker ranker = new LexicalRanker();

    @Inject
    public QaPipeline(IndexService index, QaModels models, QaConfig config) {
        this.index = index;
        this.models = models;
        this.config = config;
    }

    /** The settings a request gets: its own, else the configured ones, else those chosen for the compressor. */
    private CompressionSettings settings(QaRequest request, LoopSettings loop) {
        return CompressionSettings.of(config, loop).with(request.segmentSize(), request.maxSteps(), request.budgetTokens(), null, null,
                null);
    }

    public QaAnswer answer(QaRequest request) {
        models.load(); // loading the models (once) is not part of any answer's time
        try (QaModels.Pair pair = models.acquire()) { // the pair stays open for this question, even if swapped meanwhile
            return answer(request, pair.answerer(), pair.loop());
        }
    }

    /** {@code request} answered by {@code answerer}, whose compressor's loop settings are {@code loop}. */
    QaAnswer answer(QaRequest request, Answerer answerer, LoopSettings loop) {
        long start = System.nanoTime();
        List<Document> documents;
        double[] retrievalScores;
        Retriever retriever = null;
        if (request.documents() != null) {
            LexicalRanker.Ranked ranked = ranker.rankScored(request.question(), request.documents());
            documents = ranked.documents();
            retrievalScores = ranked.scores();
        } else {
            int k = or(request.k(), config.k());
            List<SearchHit> hits = index.search(request.question(), k, false).hits();
            documents = hits.stream().map(SearchHit::document).toList();
            retrievalScores = hits.stream().mapToDouble(SearchHit::score).toArray();
            retriever = SecondHop.DEFAULT.retriever(q -> index.search(q, k, false).hits(), q -> index.mentioned(q, k), k);
        }
        double retrievalMs = (System.nanoTime() - start) / 1e6;
        double threshold = request.minConfidence() != null ? request.minConfidence() : config.minConfidence();
        Answerer.Answer a = answerer.answer(request.question(), documents, retrievalScores, settings(request, loop), threshold,
                retriever, config.hops());
        CompressionResult compressed = a.compressed();
        QaTrace trace = new QaTrace(documents.size(), compressed.steps(), compressed.stoppedEarly(), compressed.documentTokens(),
                compressed.evidenceTokens(), round(retrievalMs), round(a.compressionMs()), round(a.readerMs()),
                round(retrievalMs + a.compressionMs() + a.readerMs()), a.withheld(), compressed.fallback());
        return new QaAnswer(request.question(), a.text(), a.kind(), a.confidence(), compressed.evidence(), compressed.supporting(), trace);
    }

    private static int or(Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
