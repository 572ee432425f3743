package compactqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.eval.QaBenchResult;
import compactqa.eval.QaBenchmark;
import compactqa.index.IndexConfig;
import compactqa.index.IndexStore;
import compactqa.index.Retrieval;
import compactqa.model.ModelConfig;
import compactqa.model.Precisions;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.LoopSettings;
import compactqa.qa.ParagraphEmbedder;
import compactqa.qa.QaConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval qa}: active compression against the baselines, in one run. */
@Dependent
@Command(name = "qa",
        description = {"Answer every question of the given files with active compression and the baselines (single_pass, raw,",
                "oracle), in one run: EM/F1, supporting-fact EM/F1, compression rate, steps, latency per stage.",
                "distractor: each question's own paragraphs; open: the top k from an index of all the files' paragraphs.",
                "Writes eval/results/qa-NAME-SETTING[-kK].json, regenerates eval/README.md and its plots."})
public class EvalQaCommand implements Callable<Integer> {

    @Inject
    QaConfig qa;

    @Inject
    IndexConfig index;

    @Mixin
    CommandContext context;

    @Mixin
    DatasetFiles datasetFiles;

    @Option(names = "--setting", required = true, paramLabel = "SETTING", description = "distractor or open.")
    QaBenchmark.Setting setting;

    @Option(names = "--k", split = ",", paramLabel = "K", description = "Documents per question in the open setting (default: compactqa.qa.k); a list runs each.")
    List<Integer> ks = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Result name (default: the first file's name).")
    String name;

    @Option(names = "--retrieval", paramLabel = "HOW", description = "open: bm25, dense or hybrid (default: the service's, compactqa.index.search.retrieval).")
    Retrieval retrieval;

    @Option(names = "--hops", paramLabel = "N", description = "open: searches per question for active (default: the service's, compactqa.qa.hops).")
    Integer hops;

    @Mixin
    PrecisionChoice precision;

    @Mixin
    DenseOptions dense;

    @Mixin
    QuestionLimit limit;

    @Mixin
    CompressionOptions compression;

    @Mixin
    ResultsFolder output;

    @Override
    public Integer call() throws Exception {
        List<Path> datasets = datasetFiles.existing();
        if (ks.stream().anyMatch(k -> k < 1 || k > 100)) {
            throw new IllegalArgumentException("--k must be from 1 to 100");
        }
        String base = ResultName.checked(name != null ? name : ResultName.of(datasets.get(0)));
        CompressionSettings settings = compression.over(CompressionSettings.of(qa, LoopSettings.read(qa.compressor())));
        List<Integer> runs = setting == QaBenchmark.Setting.OPEN ? (ks.isEmpty() ? List.of(qa.k()) : ks) : List.of(0);
        ModelConfig models = context.models();
        Precisions linear = precision.served(models), compared = precision.compared(models);
        Retrieval served = index.searchSettings().retrieval(), retrieval = this.retrieval != null ? this.retrieval : served;
        int hops = this.hops != null ? this.hops : qa.hops(); // the service's retrieval and hops unless asked otherwise
        try (ParagraphEmbedder embedder = retrieval.needsVectors() ? dense.open(models, context.project().home()) : null;
             ModelPair main = ModelPair.open(qa, models, linear);
             ModelPair other = compared == null ? null : ModelPair.open(qa, models, compared)) {
            for (int k : runs) {
                String fullName = QaBenchmark.resultName(base, setting, k, retrieval != served ? retrieval : null, hops != qa.hops() ? hops : 0);
                Path work = Files.createTempDirectory("compactqa-qa-");
                QaBenchResult result;
                try {
                    QaBenchmark.Request request = new QaBenchmark.Request(fullName, datasets, setting, k, limit.value(), settings,
                            index.searchSettings().with(retrieval), new QaBenchResult.Models(context.relative(qa.reader()), context.relative(qa.compressor()),
                            linear.id(), models.threads()), hops, embedder);
                    result = new QaBenchmark(context.loader()).run(request, main.reader(), main.compressor(), EvidenceSelection.read(qa.compressor()),
                            other == null ? null : new QaBenchmark.Reference("active_" + compared.id(), other.reader(), other.compressor()),
                            work, context.run(), context.err());
                } finally {
                    IndexStore.deleteTree(work);
                }
                Path file = context.record(result, fullName + ".json", output);
                result.methods().forEach((m, r) -> context.out().printf("%-12s EM %6.2f  F1 %6.2f  SP F1 %6.2f  compression %6.1f  p50 %5.0f ms%n",
                        m, r.em(), r.f1(), r.spF1(), r.compressionRate(), r.latencyMsP50()));
                context.out().printf("wrote %s%n", file);
            }
        }
        return 0;
    }
}
