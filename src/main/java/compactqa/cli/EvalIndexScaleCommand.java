package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import compactqa.eval.IndexScaleBenchmark;
import compactqa.eval.IndexScaleResult;
import compactqa.eval.Machine;
import compactqa.eval.RunInfo;
import compactqa.index.BuildRecord;
import compactqa.index.IndexConfig;
import compactqa.index.IndexInfo;
import compactqa.index.IndexService;
import compactqa.index.IndexStoreException;
import compactqa.index.ParagraphSearcher;
import compactqa.index.Retrieval;
import compactqa.metrics.ProcessMemory;
import compactqa.qa.ServiceEmbedder;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval index-scale}: the live index's size, build cost and query latency, one row of eval/results/index-scale.json. */
@Dependent
@Command(name = "index-scale",
        description = {"Measure the live index: size on disk, the build's recorded cost (time, paragraphs/s, peak memory),",
                "and BM25 and hybrid query latency p50/p95 on queries drawn from its own paragraphs. Writes (or replaces)",
                "the row of its size in eval/results/index-scale.json. eval/index-scale.sh builds and measures each size."})
public class EvalIndexScaleCommand implements Callable<Integer> {

    @Inject
    IndexService index;

    @Inject
    IndexConfig config;

    @Inject
    ServiceEmbedder embedder;

    @Mixin
    CommandContext context;

    @Option(names = "--queries", defaultValue = "1000", paramLabel = "N", description = "Queries per method (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K", description = "Hits per query (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "7", paramLabel = "S", description = "Seed of the query sample (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--build-command", defaultValue = "", paramLabel = "TEXT", description = "How the index was built, recorded with the row.")
    String buildCommand;

    @Option(names = "--result", paramLabel = "FILE", description = "The result file (default eval/results/index-scale.json).")
    Path result;

    @Override
    public Integer call() throws Exception {
        if (queries < 1 || k < 1) {
            throw new IllegalArgumentException("--queries and -k must be at least 1");
        }
        Path generation = index.store().current()
                .orElseThrow(() -> new IndexStoreException("no index at " + index.store().root() + "; build one first"));
        BuildRecord build = BuildRecord.read(generation).orElse(new BuildRecord(0, -1, -1, "", 0));
        PrintWriter err = context.err();
        List<ParagraphSearcher> methods = new ArrayList<>();
        try {
            methods.add(ParagraphSearcher.open(generation, config.searchSettings().with(Retrieval.BM25)));
            if (!build.embedder().isEmpty()) {
                methods.add(ParagraphSearcher.open(generation, config.searchSettings().with(Retrieval.HYBRID), embedder));
            }
            IndexInfo info = methods.get(0).info();
            List<String> sample = IndexScaleBenchmark.queries(methods.get(0), queries + IndexScaleBenchmark.WARM_UP, seed);
            int warm = Math.min(IndexScaleBenchmark.WARM_UP, sample.size() / 2);
            IndexScaleBenchmark.Measured measured = IndexScaleBenchmark.run(methods, sample.subList(0, warm),
                    sample.subList(warm, sample.size()), k, err);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            RunInfo run = context.run();
            IndexScaleResult.Row row = new IndexScaleResult.Row(info.documents(), run.command(), run.commit(), run.date(), run.java(),
                    run.cpus(), Machine.current(), buildCommand, info.diskBytes(), info.segments(), round(build.seconds()),
                    round(build.paragraphsPerSecond()), build.peakRssBytes(), build.embedder(), measured.queries(), k,
                    measured.methods().get(0), methods.size() > 1 ? measured.methods().get(1) : null, ProcessMemory.peakRssBytes(),
                    rt.totalMemory() - rt.freeMemory(), rt.maxMemory());
            Path file = result != null ? result : context.project().results().resolve("index-scale.json");
            IndexScaleResult.merge(row, file);
            if (result == null) {
                context.report(); // the project's results: eval/README.md and the README's table show the new row
            }
            PrintWriter out = context.out();
            out.printf(Locale.ROOT, "%,d paragraphs, %s on disk; built in %.0f s (%,.0f paragraphs/s, peak RSS %s)%n", info.documents(),
                    Bytes.format(info.diskBytes()), build.seconds(), build.paragraphsPerSecond(), Bytes.format(build.peakRssBytes()));
            out.printf(Locale.ROOT, "BM25 p50 %.2f ms, p95 %.2f ms%s over %,d queries%n", row.bm25().p50(), row.bm25().p95(),
                    row.hybrid() == null ? "" : String.format(Locale.ROOT, "; hybrid p50 %.2f ms, p95 %.2f ms", row.hybrid().p50(),
                            row.hybrid().p95()), measured.queries());
            out.printf("wrote %s%n", file);
            return 0;
        } finally {
            for (ParagraphSearcher s : methods) {
                s.close();
            }
        }
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
