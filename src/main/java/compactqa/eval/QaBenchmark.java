package compactqa.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import compactqa.corpus.Document;
import compactqa.corpus.Sentence;
import compactqa.dataset.DatasetLoader;
import compactqa.dataset.QaExample;
import compactqa.index.AnalyzerChoice;
import compactqa.index.BuildListener;
import compactqa.index.Embedder;
import compactqa.index.IndexBuilder;
import compactqa.index.IndexStore;
import compactqa.index.InvalidQueryException;
import compactqa.index.ParagraphSearcher;
import compactqa.index.Retrieval;
import compactqa.index.SearchHit;
import compactqa.index.SearchSettings;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.CompressionRate;
import compactqa.metrics.Latencies;
import compactqa.metrics.MatchScore;
import compactqa.metrics.ScoreMean;
import compactqa.metrics.SupportMetrics;
import compactqa.model.CompressorModel;
import compactqa.model.ReaderModel;
import compactqa.qa.Answerer;
import compactqa.qa.Retriever;
import compactqa.qa.SecondHop;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LexicalRanker;

/**
 * The multi-hop QA benchmark: for each question, every method answers from the same documents, in
 * an order shuffled per question (seeded), so that the machine's drifting load falls on all
 * methods alike. In the distractor setting the documents are the question's own paragraphs,
 * ordered by BM25 among themselves as the service orders a caller's documents; in the open setting
 * they are the top k of a BM25 index over the pooled paragraphs of every given file.
 */
public final class QaBenchmark {

    private final DatasetLoader loader;

    public QaBenchmark(DatasetLoader loader) {
        this.loader = loader;
    }

    /** Where a question's documents come from. */
    public enum Setting {
        /** The question's own paragraphs, ordered by BM25 among themselves. */
        DISTRACTOR,
        /** The top k of a BM25 index over the pooled paragraphs of every given file. */
        OPEN;

        /** The name results and commands use. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What to run.
     *
     * @param name     the result's name
     * @param k        documents per question in the open setting (ignored in distractor)
     * @param limit    questions to use (0: all), the first in file order
     * @param settings the active compression's settings, as the service has them
     * @param search   the open setting's retrieval settings
     * @param models   what the reader and compressor are, for the record
     * @param hops     the open setting's searches per question for the active method (2: a second hop)
     * @param embedder the paragraph and query vectors of dense and hybrid retrieval, or null
     */
    public record Request(String name, List<Path> datasets, Setting setting, int k, int limit, CompressionSettings settings,
                          SearchSettings search, QaBenchResult.Models models, int hops, Embedder embedder) {

        public Request {
            datasets = List.copyOf(datasets);
            if (datasets.isEmpty() || limit < 0 || setting == Setting.OPEN && k < 1 || hops < 1) {
                throw new IllegalArgumentException("a benchmark needs data sets, a limit of at least 0, k in the open setting and hops >= 1");
            }
            if (search.retrieval().needsVectors() && embedder == null) {
                throw new IllegalArgumentException(search.retrieval().label() + " retrieval needs an embedder");
            }
        }

        /** One BM25 search per question. */
        public Request(String name, List<Path> datasets, Setting setting, int k, int limit, CompressionSettings settings,
                       SearchSettings search, QaBenchResult.Models models) {
            this(name, datasets, setting, k, limit, settings, search, models, 1, null);
        }
    }

    /**
     * The active method once more with other models (the same ones at another precision, say), answering
     * every question among the others so that both are measured under the same load.
     *
     * @param label the method's name in the result, such as {@code active_fp32}
     */
    public record Reference(String label, ReaderModel reader, CompressorModel compressor) {

        public Reference {
            if (!label.matches("[a-z0-9_]+") || Arrays.stream(QaMethod.Kind.values()).anyMatch(k -> k.label().equals(label))) {
                throw new IllegalArgumentException("a reference method needs a name of its own, got " + label);
            }
        }
    }

    /** As {@link #run(Request, ReaderModel, CompressorModel, EvidenceSelection, Reference, Path, RunInfo, PrintWriter)} with no reference. */
    public QaBenchResult run(Request request, ReaderModel reader, CompressorModel compressor, EvidenceSelection selection, Path workDir,
                             RunInfo run, PrintWriter log) throws IOException {
        return run(request, reader, compressor, selection, null, workDir, run, log);
    }

    /**
     * Runs the benchmark.
     *
     * @param selection how the compressor's scores and paragraph signals become sentence probabilities, as the service has it
     * @param reference the active method with other models, beside the four (null: none)
     * @param workDir   an empty folder for the open setting's index
     */
    public QaBenchResult run(Request request, ReaderModel reader, CompressorModel compressor, EvidenceSelection selection,
                             Reference reference, Path workDir, RunInfo run, PrintWriter log) throws IOException {
        boolean open = request.setting() == Setting.OPEN;
        String name = request.name();
        List<Path> datasets = request.datasets();
        int k = request.k();
        int limit = request.limit();
        CompressionSettings settings = request.settings();
        List<QaExample> questions = new ArrayList<>();
        List<Document> pool = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : datasets) {
            try (Stream<QaExample> examples = loader.stream(file)) {
                examples.forEach(e -> {
                    pool.addAll(e.paragraphs());
                    if (!e.answers().isEmpty() && !e.supportingTitles().isEmpty() && ids.add(e.id())) {
                        questions.add(e);
                    }
                });
            }
        }
        List<QaExample> asked = limit > 0 && questions.size() > limit ? questions.subList(0, limit) : questions;
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("no question with an answer and supporting paragraphs in " + datasets);
        }
        boolean sentenceLevel = asked.stream().allMatch(QaExample::hasSentenceSupport);
        ToIntFunction<String> tokens = compressor::tokens;
        Map<String, QaMethod> methods = new LinkedHashMap<>();
        QaMethods.all(Answerer.of(compressor, selection, reader), reader, settings, tokens).forEach((kind, m) -> methods.put(kind.label(), m));
        if (reference != null) {
            methods.put(reference.label(), QaMethods.active(Answerer.of(reference.compressor(), selection, reference.reader()), settings));
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        methods.keySet().forEach(label -> tallies.put(label, new Tally()));
        ParagraphSearcher searcher = open ? openIndex(pool, workDir, request.search(), request.embedder(), log) : null;
        Retriever retriever = open && request.hops() > 1
                ? SecondHop.DEFAULT.retriever(x -> retrieve(searcher, x, k), x -> searcher.mentioned(x, k), k) : null;
        LexicalRanker ranker = new LexicalRanker();
        Random random = new Random(20261122);
        QaBenchResult.Prefix prefix = null;
        long started = System.nanoTime();
        try {
            for (int n = 0; n < asked.size(); n++) {
                QaExample q = asked.get(n);
                long t = System.nanoTime();
                // read in retrieval order with the retrieval scores, as the service reads
                List<Document> documents;
                double[] scores;
                if (open) {
                    List<SearchHit> hits = retrieve(searcher, q.question(), k);
                    documents = hits.stream().map(SearchHit::document).toList();
                    scores = hits.stream().mapToDouble(SearchHit::score).toArray();
                } else {
                    LexicalRanker.Ranked ranked = ranker.rankScored(q.question(), q.paragraphs());
                    documents = ranked.documents();
                    scores = ranked.scores();
                }
                double retrievalMs = (System.nanoTime() - t) / 1e6;
                int documentTokens = documents.stream().flatMap(d -> d.sentences().stream()).map(Sentence::text)
                        .mapToInt(tokens).sum();
                List<String> order = new ArrayList<>(methods.keySet());
                Collections.shuffle(order, random);
                for (String label : order) {
                    QaMethod.Outcome o = methods.get(label).answer(q, documents, scores, retriever, request.hops());
                    tallies.get(label).add(q, o, documentTokens, retrievalMs, sentenceLevel);
                }
                if (n + 1 == ResultVerifier.PREFIX_QUESTIONS && asked.size() > n + 1) {
                    prefix = new QaBenchResult.Prefix(n + 1, results(tallies));
                }
                if ((n + 1) % 50 == 0 || n + 1 == asked.size()) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.printf("%d/%d questions, %.1f questions/s, ETA %.0f s; F1 so far: %s%n", n + 1, asked.size(), (n + 1) / seconds,
                            seconds / (n + 1) * (asked.size() - n - 1), f1s(tallies));
                    log.flush();
                }
            }
        } finally {
            if (searcher != null) {
                searcher.close();
            }
        }
        Map<String, QaBenchResult.Method> results = results(tallies);
        return new QaBenchResult(run.command(), run.commit(), run.date(), run.java(), run.cpus(), name,
                datasets.stream().map(Path::toString).toList(), request.setting().label(), open ? k : 0, asked.size(),
                sentenceLevel ? "sentence" : "paragraph",
                new QaBenchResult.Settings(settings.segmentSize(), settings.maxSteps(), settings.budgetTokens(),
                        settings.sentenceThreshold(), settings.sufficiencyThreshold(), settings.checkEvidence(), open ? request.hops() : 1,
                        open ? request.search().retrieval().label() : "given", settings.supportThreshold()), request.models(), results, prefix);
    }

    private static Map<String, QaBenchResult.Method> results(Map<String, Tally> tallies) {
        Map<String, QaBenchResult.Method> results = new LinkedHashMap<>();
        tallies.forEach((method, tally) -> results.put(method, tally.result()));
        return results;
    }

    private static String f1s(Map<String, Tally> tallies) {
        StringBuilder s = new StringBuilder();
        tallies.forEach((m, t) -> s.append(m).append(' ').append(String.format("%.1f", 100 * t.answers.mean().f1())).append(' '));
        return s.toString().strip();
    }

    private static ParagraphSearcher openIndex(List<Document> pool, Path workDir, SearchSettings search, Embedder embedder,
                                               PrintWriter log) throws IOException {
        IndexStore store = new IndexStore(workDir.resolve("index"));
        Embedder vectors = search.retrieval().needsVectors() ? embedder : null;
        var stats = new IndexBuilder(vectors).build(store, pool.stream(), AnalyzerChoice.KSTEM, new BuildProgress(log, pool.size()));
        log.printf("indexed %,d pooled paragraphs (%,d duplicates removed)%n", stats.indexed(), stats.duplicates());
        return ParagraphSearcher.open(store.current().orElseThrow(), search, vectors);
    }

    /**
     * A result's name: {@code qa-BASE-SETTING}, then in the open setting {@code -kK} and where the
     * run differs from the service, its retrieval ({@code otherRetrieval}, null where the same) and
     * hops ({@code otherHops}, 0 where the same).
     */
    public static String resultName(String base, Setting setting, int k, Retrieval otherRetrieval, int otherHops) {
        boolean open = setting == Setting.OPEN;
        return "qa-" + base + "-" + setting.label() + (open ? "-k" + k : "") + (open && otherRetrieval != null ? "-" + otherRetrieval.label() : "")
                + (open && otherHops > 0 ? "-hops" + otherHops : "");
    }

    private static List<SearchHit> retrieve(ParagraphSearcher searcher, String question, int k) {
        try {
            return searcher.search(question, k, false).hits();
        } catch (InvalidQueryException e) {
            return List.of();
        }
    }

    /** One method's running totals. */
    private static final class Tally {
        final ScoreMean answers = new ScoreMean();
        final ScoreMean support = new ScoreMean();
        long documentTokens;
        long evidenceTokens;
        long steps;
        final List<Double> total = new ArrayList<>();
        final List<Double> retrieval = new ArrayList<>();
        final List<Double> compression = new ArrayList<>();
        final List<Double> reader = new ArrayList<>();

        void add(QaExample q, QaMethod.Outcome o, int docTokens, double retrievalMs, boolean sentenceLevel) {
            answers.add(AnswerMetrics.best(o.answer(), q.answers()));
            support.add(sentenceLevel ? SupportMetrics.score(o.sentences(), new HashSet<>(q.supportingFacts()))
                    : SupportMetrics.score(o.titles(), new HashSet<>(q.supportingTitles())));
            documentTokens += docTokens;
            evidenceTokens += o.evidenceTokens();
            steps += o.steps();
            retrieval.add(retrievalMs);
            compression.add(o.compressionMs());
            reader.add(o.readerMs());
            total.add(retrievalMs + o.compressionMs() + o.readerMs());
        }

        QaBenchResult.Method result() {
            MatchScore a = answers.mean();
            MatchScore s = support.mean();
            Map<String, QaBenchResult.Latency> stages = new LinkedHashMap<>();
            stages.put("retrieval", latency(retrieval));
            stages.put("compression", latency(compression));
            stages.put("reader", latency(reader));
            double totalSeconds = total.stream().mapToDouble(Double::doubleValue).sum() / 1000;
            QaBenchResult.Latency all = latency(total);
            return new QaBenchResult.Method(pct(a.em()), pct(a.f1()), pct(s.em()), pct(s.f1()),
                    round(CompressionRate.of(documentTokens, evidenceTokens)), round((double) steps / total.size()),
                    all.p50(), all.p95(), stages, round(total.size() / Math.max(totalSeconds, 1e-9)));
        }

        private static QaBenchResult.Latency latency(List<Double> millis) {
            Latencies latencies = Latencies.of(millis);
            return new QaBenchResult.Latency(round(latencies.percentile(0.5)), round(latencies.percentile(0.95)));
        }

        private static double pct(double x) {
            return round(100 * x);
        }

        private static double round(double x) {
            return Math.round(x * 100) / 100.0;
        }
    }
}
