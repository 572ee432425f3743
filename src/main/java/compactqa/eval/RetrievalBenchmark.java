package compactqa.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import compactqa.corpus.Document;
import compactqa.dataset.DatasetFormat;
import compactqa.dataset.DatasetLoader;
import compactqa.dataset.QaExample;
import compactqa.index.AnalyzerChoice;
import compactqa.index.BuildListener;
import compactqa.index.BuildStats;
import compactqa.index.Embedder;
import compactqa.index.IndexBuilder;
import compactqa.index.IndexStore;
import compactqa.index.InvalidQueryException;
import compactqa.index.ParagraphSearcher;
import compactqa.index.SearchHit;
import compactqa.metrics.RetrievalScores;
import compactqa.qa.LexicalRanker;
import compactqa.qa.SecondHop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Paragraph retrieval on multi-hop data sets: pools the context paragraphs of every given file into
 * one index (deduplicated by title and text), asks each question as a BM25 query, and scores the
 * rankings against the gold paragraphs ({@link RetrievalScores}).
 *
 * <p>A gold paragraph that the question's own context holds is matched by content (title and text,
 * as deduplication does); one it lacks (HotpotQA fullwiki files often omit them) by title, as
 * HotpotQA's paragraph-level metric does. A question whose gold paragraphs are absent from the pool
 * stays in the average as a miss: {@code questions_gold_in_corpus} says how many could be found at
 * all, and {@code gold_in_pool} scores those alone. A question asked in several files counts once.
 * Files without real paragraphs (HotpotQA gold sentences) add neither paragraphs nor questions.
 *
 * <p>Configurations that share an analyzer share one index; all are measured in the same run, so
 * their figures compare.
 */
@ApplicationScoped
public class RetrievalBenchmark {

    /** How deep each ranking is read: the largest cut-off for recall, and the reach of MRR. */
    public static final int DEPTH = 100;
    /** First-hop paragraphs a second retrieval starts from. */
    static final int SEEDS = 2;

    private final DatasetLoader loader;

    @Inject
    public RetrievalBenchmark(DatasetLoader loader) {
        this.loader = loader;
    }

    /**
     * Runs the benchmark.
     *
     * @param configs  configurations to compare; the first is the primary one
     * @param embedder the paragraph and query vectors of dense and hybrid configurations (null if there are none)
     * @param workDir  an empty folder for the temporary indexes
     * @param log      where stage summaries go
     */
    public RetrievalResult run(String name, List<Path> datasets, List<RetrievalConfig> configs, Embedder embedder, Path workDir,
                               RunInfo run, PrintWriter log) throws IOException {
        boolean dense = configs.stream().anyMatch(c -> c.search().retrieval().needsVectors());
        if (dense && embedder == null) {
            throw new IllegalArgumentException("dense and hybrid retrieval need an embedder");
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("at least one retrieval configuration is needed");
        }
        long loadStart = System.nanoTime();
        List<Question> questions = new ArrayList<>();
        List<Document> pool = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        long repeated = 0;
        for (Path file : datasets) {
            String source = file.toString();
            List<QaExample> examples;
            try (Stream<QaExample> stream = loader.stream(file)) {
                examples = stream.toList();
            }
            for (QaExample e : examples) {
                boolean hasParagraphs = DatasetFormat.byLabel(e.dataset()).map(DatasetFormat::hasParagraphs).orElse(true);
                if (hasParagraphs) {
                    pool.addAll(e.paragraphs());
                }
                // a question in two files (HotpotQA's distractor and fullwiki files share some) is asked once
                if (!ids.add(e.id())) {
                    repeated++;
                } else {
                    questions.add(new Question(e, source, hasParagraphs ? gold(e) : Set.of()));
                }
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Set<String> poolIds = new HashSet<>();
        pool.forEach(d -> poolIds.addAll(identifiers(d)));
        long scored = questions.stream().filter(q -> !q.gold().isEmpty()).count();
        if (scored == 0) {
            throw new IllegalArgumentException("no question in these files has gold paragraphs to score retrieval against");
        }
        long goldInCorpus = questions.stream().filter(q -> !q.gold().isEmpty() && poolIds.containsAll(q.gold())).count();
        log.printf("loaded %,d questions (%,d repeated across files) and %,d paragraphs from %d files in %.1f s%n",
                questions.size() + repeated, repeated, pool.size(), datasets.size(), loadSeconds);

        Map<AnalyzerChoice, BuildStats> builds = new LinkedHashMap<>();
        List<RetrievalResult.Variant> variants = new ArrayList<>();
        RetrievalResult.Variant primary = null;
        Map<String, RetrievalResult.Slice> byDataset = null;
        Map<String, RetrievalResult.Slice> byType = null;
        RetrievalResult.Slice goldInPool = null;
        for (RetrievalConfig config : configs) {
            IndexStore store = new IndexStore(workDir.resolve(config.analyzer().id()));
            if (!builds.containsKey(config.analyzer())) {
                // one index serves every configuration of an analyzer: with vectors if any of them needs them
                BuildStats stats = new IndexBuilder(dense ? embedder : null).build(store, pool.stream(), config.analyzer(),
                        new BuildProgress(log, pool.size()));
                builds.put(config.analyzer(), stats);
                log.printf("indexed %,d paragraphs (%,d duplicates removed) with %s%s in %.1f s (%,.0f docs/s)%n",
                        stats.indexed(), stats.duplicates(), config.analyzer().id(), dense ? " and " + embedder.id() + " vectors" : "",
                        stats.seconds(), stats.docsPerSecond());
            }
            double seconds;
            RetrievalScores all = new RetrievalScores();
            RetrievalScores inPool = new RetrievalScores();
            Map<String, RetrievalScores> datasetScores = new LinkedHashMap<>();
            Map<String, RetrievalScores> typeScores = new TreeMap<>();
            try (ParagraphSearcher searcher = ParagraphSearcher.open(store.current().orElseThrow(), config.search(), embedder)) {
                if (variants.isEmpty()) {
                    // one untimed pass, so the first configuration is not timed on a cold JIT
                    questions.forEach(q -> rank(searcher, q.example().question(), config));
                }
                long start = System.nanoTime();
                for (Question q : questions) {
                    if (q.gold().isEmpty()) {
                        continue;
                    }
                    List<Set<String>> ranked = rank(searcher, q.example().question(), config);
                    all.add(ranked, q.gold());
                    if (poolIds.containsAll(q.gold())) {
                        inPool.add(ranked, q.gold());
                    }
                    datasetScores.computeIfAbsent(q.source(), k -> new RetrievalScores()).add(ranked, q.gold());
                    if (!q.example().type().isEmpty()) {
                        typeScores.computeIfAbsent(q.example().type(), k -> new RetrievalScores()).add(ranked, q.gold());
                    }
                }
                seconds = (System.nanoTime() - start) / 1e9;
            }
            RetrievalResult.Variant variant = new RetrievalResult.Variant(RetrievalResult.Config.of(config, dense ? embedder.id() : null),
                    round(scored / seconds), RetrievalResult.Slice.of(all), RetrievalResult.Slice.of(inPool), slices(datasetScores));
            variants.add(variant);
            log.printf("%-36s R@2 %.3f  R@5 %.3f  R@10 %.3f  R@20 %.3f (both)  MRR %.3f  %,.0f q/s%n", config.label(),
                    all.recallBoth().get("2"), all.recallBoth().get("5"), all.recallBoth().get("10"),
                    all.recallBoth().get("20"), all.mrr(), variant.queriesPerS());
            if (primary == null) {
                primary = variant;
                byDataset = slices(datasetScores);
                byType = slices(typeScores);
                goldInPool = RetrievalResult.Slice.of(inPool);
            }
        }
        BuildStats primaryBuild = builds.get(configs.get(0).analyzer());
        return new RetrievalResult(run.command(), run.commit(), run.date(), run.java(), run.cpus(), name,
                datasets.stream().map(Path::toString).toList(),
                questions.size(), repeated, scored, goldInCorpus, primaryBuild.indexed(), primaryBuild.duplicates(),
                round(loadSeconds), round(primaryBuild.seconds()), round(primaryBuild.docsPerSecond()),
                primary.queriesPerS(), DEPTH, primary.config(), primary.scores().recallBothAtK(),
                primary.scores().recallAnyAtK(), primary.scores().mrr(), goldInPool, byDataset, byType,
                variants.size() > 1 ? variants : List.of());
    }

    private static List<Set<String>> rank(ParagraphSearcher searcher, String question, RetrievalConfig config) {
        try {
            List<SearchHit> hits = searcher.search(question, DEPTH, false).hits();
            if (config.hops() == 2) {
                hits = secondHop(searcher, question, hits, config.secondHop());
            }
            return hits.stream().map(SearchHit::document).map(RetrievalBenchmark::identifiers).toList();
        } catch (InvalidQueryException e) {
            return List.of();
        }
    }

    /**
     * The first hop's ranking fused with a second retrieval, asked as the service asks it: with the
     * question and the evidence of the first step, here (without a compressor) the sentence of each
     * of the first hop's {@value #SEEDS} best paragraphs that best matches the question, and their titles.
     */
    private static List<SearchHit> secondHop(ParagraphSearcher searcher, String question, List<SearchHit> first, SecondHop hop) {
        LexicalRanker ranker = new LexicalRanker();
        List<String> titles = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (SearchHit seed : first.subList(0, Math.min(SEEDS, first.size()))) {
            Document d = seed.document();
            List<Document> sentences = d.sentences().stream().filter(s -> !s.text().isBlank())
                    .map(s -> Document.fromSentences(null, "", List.of(s.text()), "")).toList();
            if (!sentences.isEmpty()) {
                titles.add(d.title());
                evidence.add(ranker.rank(question, sentences).get(0).text());
            }
        }
        return hop.after(first, SecondHop.query(question, titles, evidence), q -> searcher.search(q, DEPTH, false).hits(),
                q -> searcher.mentioned(q, DEPTH), DEPTH);
    }

    /** What a retrieved paragraph can be recognised by: its content and its title. */
    private static Set<String> identifiers(Document d) {
        return Set.of("key:" + d.contentKey(), "title:" + d.title());
    }

    /**
     * The gold paragraphs of a question: by content where its context holds them (MuSiQue contexts
     * hold different paragraphs under one title), by title where it does not (HotpotQA fullwiki).
     */
    private static Set<String> gold(QaExample e) {
        Set<String> gold = new LinkedHashSet<>();
        Set<String> titlesPresent = new HashSet<>();
        for (int i : e.supportingParagraphs()) {
            Document d = e.paragraphs().get(i);
            gold.add("key:" + d.contentKey());
            titlesPresent.add(d.title());
        }
        for (String title : e.supportingTitles()) {
            if (!titlesPresent.contains(title)) {
                gold.add("title:" + title);
            }
        }
        return gold;
    }

    private static Map<String, RetrievalResult.Slice> slices(Map<String, RetrievalScores> scores) {
        Map<String, RetrievalResult.Slice> slices = new LinkedHashMap<>();
        scores.forEach((k, v) -> slices.put(k, RetrievalResult.Slice.of(v)));
        return slices;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** A question with its gold paragraphs' identifiers and the file it came from. */
    private record Question(QaExample example, String source, Set<String> gold) {
    }
}
