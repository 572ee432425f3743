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
import compactqa.model.CompressorModel;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.ReaderModel;
import compactqa.qa.CompressionSettings;
import compactqa.qa.EvidenceSelection;
import compactqa.qa.QaConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa eval qa}: active compression against the baselines, in one run. */
@Dependent
@Command(name = "qa", mixinStandardHelpOptions = true,
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

    @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "A data set file (repeatable).")
    List<Path> datasets;

    @Option(names = "--setting", required = true, paramLabel = "SETTING", description = "distractor or open.")
    String setting;

    @Option(names = "--k", split = ",", paramLabel = "K", description = "Documents per question in the open setting (default: compactqa.qa.k); a list runs each.")
    List<Integer> ks = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "Result name (default: the first file's name).")
    String name;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Only the first N questions (0: all).")
    int limit;

    @Option(names = "--segment-size", paramLabel = "J")
    Integer segmentSize;

    @Option(names = "--max-steps", paramLabel = "N")
    Integer maxSteps;

    @Option(names = "--budget", paramLabel = "TOKENS")
    Integer budget;

    @Option(names = "--sentence-threshold", paramLabel = "P")
    Double sentenceThreshold;

    @Option(names = "--sufficiency-threshold", paramLabel = "P")
    Double sufficiencyThreshold;

    @Option(names = "--check-evidence", arity = "1", paramLabel = "BOOL",
            description = "Check the merged evidence before reading the next segment (default: compactqa.qa.check-evidence).")
    Boolean checkEvidence;

    @Mixin
    ResultsFolder output;

    @Override
    public Integer call() throws Exception {
        if (!setting.equals("distractor") && !setting.equals("open")) {
            throw new IllegalArgumentException("--setting must be distractor or open, got " + setting);
        }
        for (Path d : datasets) {
            if (!Files.isRegularFile(d)) {
                throw new IllegalArgumentException("no such data set file: " + d);
            }
        }
        if (limit < 0 || ks.stream().anyMatch(k -> k < 1 || k > 100)) {
            throw new IllegalArgumentException("--limit must be at least 0 and --k from 1 to 100");
        }
        String base = name != null ? name : defaultName(datasets.get(0));
        if (!base.matches("[A-Za-z0-9._-]{1,80}")) {
            throw new IllegalArgumentException("--name may use letters, digits, '.', '_' and '-' only");
        }
        CompressionSettings settings = CompressionSettings.of(qa).with(segmentSize, maxSteps, budget, sentenceThreshold,
                sufficiencyThreshold, checkEvidence);
        List<Integer> runs = setting.equals("open") ? (ks.isEmpty() ? List.of(qa.k()) : ks) : List.of(0);
        ModelConfig models = context.models();
        try (ReaderModel reader = ReaderModel.open(ModelArtifact.load(qa.reader()), models.cache(), models.encoderOptions(),
                models.linearPrecision());
             CompressorModel compressor = CompressorModel.open(ModelArtifact.load(qa.compressor()), models.cache(),
                     models.encoderOptions(), models.linearPrecision())) {
            for (int k : runs) {
                String fullName = "qa-" + base + "-" + setting + (k > 0 ? "-k" + k : "");
                Path work = Files.createTempDirectory("compactqa-qa-");
                QaBenchResult result;
                try {
                    result = new QaBenchmark(context.loader()).run(fullName, datasets, setting, k, limit, reader, compressor,
                            EvidenceSelection.read(qa.compressor()), settings,
                            index.searchSettings(), work,
                            new QaBenchResult.Models(relative(qa.reader()), relative(qa.compressor()), models.precision(), models.threads()),
                            context.run(), context.err());
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

    /**
     * A result name for a data set file: its folder and a contraction of its name
     * ({@code hotpotqa/dev-500.ircot.jsonl.gz} gives {@code hotpotqa-dev500-ircot}), so that what the
     * project commits is never named like the data it must not hold.
     */
    static String defaultName(Path dataset) {
        String stem = dataset.getFileName().toString().replaceAll("\\.(jsonl?|json)(\\.gz)?$", "").replace("-", "").replace('.', '-');
        Path parent = dataset.toAbsolutePath().normalize().getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "");
        return folder.isEmpty() ? stem : folder + "-" + stem;
    }

    /** {@code path} as the results name it: from the project folder, so that they read the same on any machine. */
    private String relative(Path path) {
        Path home = context.project().home().toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        return (p.startsWith(home) ? home.relativize(p) : p).toString();
    }
}
