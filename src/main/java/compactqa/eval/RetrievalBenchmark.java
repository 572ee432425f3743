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
import compactqa.index.AnalyzerChoice;
import compactqa.index.BuildListener;
import compactqa.index.BuildStats;
import compactqa.index.IndexBuilder;
import compactqa.index.IndexStore;
import compactqa.index.InvalidQueryException;
import compactqa.index.ParagraphSearcher;
import compactqa.index.SearchHit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Paragraph retrieval on multi-hop data sets: pools the context paragraphs of every given file into
 * one index (deduplicated by title and text), asks each question as a BM25 query, and scores the
 * rankings against the gold paragraphs ({@link RetrievalScores}).
 *
 * <p>Gold paragraphs are matched by title, as HotpotQA's own paragraph-level metric does: titles
 * name Wikipedia articles and each article contributes its first paragraph. A question whose gold
 * titles are absent from the pool (HotpotQA fullwiki files often omit them) stays in the average as
 * a miss; {@code questions_gold_in_corpus} says how many could be found at all. Questions without
 * gold titles (the gold-sentences format) are not scored.
 *
 * <p>Configurations that share an analyzer share one index; all are measured in the same run, so
 * their figures compare.
 */
@ApplicationScoped
public class RetrievalBenchmark {

    /** How deep each ranking is read: the largest cut-off for recall, and the reach of MRR. */
    public static final int DEPTH = 100;

    private final DatasetLoader loader;

    @Inject
    public RetrievalBenchmark(DatasetLoader loader) {
        this.loader = loader;
    }

    /**
     * Runs the benchmark.
     *
     * @param configs configurations to compare; the first is the primary one
     * @param workDir an empty folder for the temporary indexes
     * @param log     where stage summaries go
     */
    public RetrievalResult run(String name, List<Path> datasets, List<RetrievalConfig> configs, Path workDir,
                               RunInfo run, PrintWriter log) throws IOException {
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("at least one retrieval configuration is needed");
        }
        long loadStart = System.nanoTime();
        List<Question> questions = new ArrayList<>();
        List<Document> pool = new ArrayList<>();
        for (Path file : datasets) {
            String source = file.getFileName().toString();
            try (Stream<QaExample> examples = loader.stream(file)) {
                examples.forEach(e -> {
                    questions.add(new Question(e, source));
                    pool.addAll(e.paragraphs());
                });
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        Set<String> poolTitles = new HashSet<>();
        pool.forEach(d -> poolTitles.add(d.title()));
        long scored = questions.stream().filter(q -> !q.gold().isEmpty()).count();
        long goldInCorpus = questions.stream().filter(q -> !q.gold().isEmpty() && poolTitles.containsAll(q.gold())).count();
        log.printf("loaded %,d questions and %,d paragraphs from %d files in %.1f s%n", questions.size(), pool.size(),
                datasets.size(), loadSeconds);

        Map<AnalyzerChoice, BuildStats> builds = new LinkedHashMap<>();
        List<RetrievalResult.Variant> variants = new ArrayList<>();
        RetrievalResult.Variant primary = null;
        Map<String, RetrievalResult.Slice> byDataset = null;
        Map<String, RetrievalResult.Slice> byType = null;
        for (RetrievalConfig config : configs) {
            IndexStore store = new IndexStore(workDir.resolve(config.analyzer().id()));
            if (!builds.containsKey(config.analyzer())) {
                BuildStats stats = new IndexBuilder().build(store, pool.stream(), config.analyzer(), BuildListener.NONE);
                builds.put(config.analyzer(), stats);
                log.printf("indexed %,d paragraphs (%,d duplicates removed) with %s in %.1f s (%,.0f docs/s)%n",
                        stats.indexed(), stats.duplicates(), config.analyzer().id(), stats.seconds(), stats.docsPerSecond());
            }
            double seconds;
            RetrievalScores all = new RetrievalScores();
            Map<String, RetrievalScores> datasetScores = new TreeMap<>();
            Map<String, RetrievalScores> typeScores = new TreeMap<>();
            try (ParagraphSearcher searcher = ParagraphSearcher.open(store.current().orElseThrow(), config.search())) {
                if (variants.isEmpty()) {
                    // one untimed pass, so the first configuration is not timed on a cold JIT
                    questions.forEach(q -> rank(searcher, q.example().question()));
                }
                long start = System.nanoTime();
                for (Question q : questions) {
                    if (q.gold().isEmpty()) {
                        continue;
                    }
                    List<String> ranked = rank(searcher, q.example().question());
                    all.add(ranked, q.gold());
                    datasetScores.computeIfAbsent(q.source(), k -> new RetrievalScores()).add(ranked, q.gold());
                    if (!q.example().type().isEmpty()) {
                        typeScores.computeIfAbsent(q.example().type(), k -> new RetrievalScores()).add(ranked, q.gold());
                    }
                }
                seconds = (System.nanoTime() - start) / 1e9;
            }
            RetrievalResult.Variant variant = new RetrievalResult.Variant(RetrievalResult.Config.of(config),
                    round(scored / seconds), RetrievalResult.Slice.of(all));
            variants.add(variant);
            log.printf("%-36s R@2 %.3f  R@5 %.3f  R@10 %.3f  R@20 %.3f (both)  MRR %.3f  %,.0f q/s%n", config.label(),
                    all.recallBoth().get("2"), all.recallBoth().get("5"), all.recallBoth().get("10"),
                    all.recallBoth().get("20"), all.mrr(), variant.queriesPerS());
            if (primary == null) {
                primary = variant;
                byDataset = slices(datasetScores);
                byType = slices(typeScores);
            }
        }
        BuildStats primaryBuild = builds.get(configs.get(0).analyzer());
        return new RetrievalResult(run.command(), run.commit(), run.date(), run.java(), run.cpus(), name,
                datasets.stream().map(p -> p.getFileName().toString()).toList(),
                questions.size(), scored, goldInCorpus, primaryBuild.indexed(), primaryBuild.duplicates(),
                round(loadSeconds), round(primaryBuild.seconds()), round(primaryBuild.docsPerSecond()),
                primary.queriesPerS(), DEPTH, primary.config(), primary.scores().recallBothAtK(),
                primary.scores().recallAnyAtK(), primary.scores().mrr(), byDataset, byType,
                variants.size() > 1 ? variants : List.of());
    }

    private static List<String> rank(ParagraphSearcher searcher, String question) {
        try {
            return searcher.search(question, DEPTH, false).hits().stream().map(SearchHit::document).map(Document::title).toList();
        } catch (InvalidQueryException e) {
            return List.of();
        }
    }

    private static Map<String, RetrievalResult.Slice> slices(Map<String, RetrievalScores> scores) {
        Map<String, RetrievalResult.Slice> slices = new LinkedHashMap<>();
        scores.forEach((k, v) -> slices.put(k, RetrievalResult.Slice.of(v)));
        return slices;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** A question with the titles of its gold paragraphs and the file it came from. */
    private record Question(QaExample example, String source, Set<String> gold) {
        Question(QaExample example, String source) {
            this(example, source, new LinkedHashSet<>(example.supportingTitles()));
        }
    }
}
