package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.eval.RetrievalBenchmark;
import compactqa.eval.RetrievalConfig;
import compactqa.eval.RetrievalResult;
import compactqa.index.AnalyzerChoice;
import compactqa.index.IndexConfig;
import compactqa.index.IndexStore;
import compactqa.index.Retrieval;
import compactqa.qa.ParagraphEmbedder;
import compactqa.qa.SecondHop;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval retrieval}: BM25, dense and hybrid recall on multi-hop data sets, written to {@code eval/results}. */
@Dependent
@Command(name = "retrieval",
        description = {"Pool the paragraphs of the given data set files into one index, search every question,",
                "and report recall@2/5/10/20 (all gold paragraphs, and any), MRR and throughput.",
                "Lists of retrievals (bm25, dense, hybrid), analyzers, title boosts, BM25 parameters or fusions are compared",
                "in one run, over one index per analyzer (with paragraph vectors if dense or hybrid is asked for);",
                "the first of each list is the primary configuration."})
public class EvalRetrievalCommand implements Callable<Integer> {

    @Inject
    RetrievalBenchmark benchmark;

    @Inject
    IndexConfig index;

    @Mixin
    CommandContext context;

    @Mixin
    DatasetFiles datasetFiles;

    @Option(names = "--name", required = true, description = "Result name: writes eval/results/retrieval-NAME.json.")
    String name;

    @Option(names = "--analyzer", split = ",", paramLabel = "NAME", description = "Analyzers: standard, english, kstem (default: the index's).")
    List<String> analyzers = new ArrayList<>();

    @Option(names = "--title-boost", split = ",", paramLabel = "W", description = "Title boosts (default: the configured one).")
    List<Double> titleBoosts = new ArrayList<>();

    @Option(names = "--bm25", split = ",", paramLabel = "K1:B", description = "BM25 parameters such as 1.2:0.75 (default: the configured ones).")
    List<String> bm25 = new ArrayList<>();

    @Option(names = "--retrieval", split = ",", paramLabel = "HOW", defaultValue = "bm25",
            description = "bm25, dense, hybrid, compared in one run (default ${DEFAULT-VALUE}).")
    List<Retrieval> retrievals;

    @Mixin
    DenseOptions dense;

    @Option(names = "--hops", split = ",", paramLabel = "N", defaultValue = "1",
            description = "Retrievals per question, 1 or 2, compared in one run (default ${DEFAULT-VALUE}).")
    List<Integer> hops;

    @Option(names = "--second-hop", split = ",", paramLabel = "Q:L",
            description = "With --hops 2: weights of the second query's search and of the paragraphs it names, such as 1:1 (default: the service's).")
    List<String> secondHops = new ArrayList<>();

    @Mixin
    ResultsFolder output;

    @Override
    public Integer call() throws Exception {
        ResultName.checked(name);
        List<Path> datasets = datasetFiles.existing();
        List<RetrievalConfig> configs = configs();
        PrintWriter err = context.err();
        Path work = Files.createTempDirectory("compactqa-retrieval-");
        boolean vectors = retrievals.stream().anyMatch(Retrieval::needsVectors);
        RetrievalResult result;
        try (ParagraphEmbedder embedder = vectors ? dense.open(context.models(), context.project().home()) : null) {
            result = benchmark.run(name, datasets, configs, embedder, work, context.run(), err);
        } finally {
            IndexStore.deleteTree(work);
        }
        Path file = context.record(result, "retrieval-" + name + ".json", output);
        PrintWriter out = context.out();
        out.printf("%s: recall-both@2/5/10/20 %s, MRR %.3f, %,.0f queries/s%n", result.config().label(),
                result.recallBothAtK().values(), result.mrr(), result.queriesPerS());
        out.printf("wrote %s%n", file);
        return 0;
    }

    private List<RetrievalConfig> configs() {
        List<AnalyzerChoice> analyzerChoices = (analyzers.isEmpty() ? List.of(index.analyzer()) : analyzers).stream()
                .map(AnalyzerChoice::of).toList();
        List<Double> boosts = titleBoosts.isEmpty() ? List.of(index.search().titleBoost()) : titleBoosts;
        List<float[]> params = new ArrayList<>();
        if (bm25.isEmpty()) {
            params.add(new float[] {index.search().k1(), index.search().b()});
        }
        for (String p : bm25) {
            String[] parts = p.split(":");
            try {
                params.add(new float[] {Float.parseFloat(parts[0]), Float.parseFloat(parts[1])});
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--bm25 takes K1:B pairs such as 1.2:0.75, got '" + p + "'");
            }
        }
        return RetrievalConfig.grid(retrievals, analyzerChoices, boosts, params, dense.fusions(), hops,
                secondHops.isEmpty() ? List.of(SecondHop.DEFAULT) : secondHops.stream().map(SecondHop::parse).toList());
    }
}
