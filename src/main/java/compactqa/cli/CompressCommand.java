package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import compactqa.compress.Calibration;
import compactqa.compress.CompressionMethod;
import compactqa.compress.MethodOptions;
import compactqa.dataset.CalibrationTexts;
import compactqa.dataset.DataSplits;
import compactqa.dataset.DatasetLoader;
import compactqa.eval.CompressionBenchmark;
import compactqa.eval.CompressionBenchResult;
import compactqa.eval.EvalReport;
import compactqa.eval.ResultFiles;
import compactqa.eval.RunInfo;
import compactqa.index.IndexStore;
import compactqa.model.Checkpoint;
import compactqa.model.LayerInputs;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import compactqa.model.OutputDrift;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qa compress}: a trained model compressed offline, and measured against the original. */
@Dependent
@Command(name = "compress", mixinStandardHelpOptions = true,
        description = {"Compress a trained reader or compressor offline (no fine-tuning) and measure it against the original in",
                "one run: task metrics, latency at 1x384 and 8x256, disk size. Methods chain in the order given, each",
                "compressing what the earlier ones left plain: " + MethodOptions.NAMES + ".",
                "Writes the model folder and eval/results/compress-<name>.json, and regenerates eval/README.md."})
public class CompressCommand implements Callable<Integer> {

    @Inject
    ModelConfig models;

    @Inject
    ProjectConfig project;

    @Inject
    DatasetLoader loader;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The trained model, e.g. models/reader.")
    Path model;

    @Option(names = "--method", required = true, split = ",", paramLabel = "NAME", description = "Methods, in order: " + MethodOptions.NAMES + ".")
    List<String> methods;

    @Option(names = "--ratio", defaultValue = "0.5", paramLabel = "X",
            description = "Share of each linear layer's parameters svd, autoencoder and mpo keep (default ${DEFAULT-VALUE}).")
    double ratio;

    @Option(names = "--energy", defaultValue = "0", paramLabel = "X",
            description = "svd: keep this share of the spectral energy instead of a parameter ratio.")
    double energy;

    @Option(names = "--keep", paramLabel = "REGEX", description = "Linear layers to leave as they are, e.g. '.*layer\\.5\\..*'.")
    String keep;

    @Option(names = "--embeddings", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "int8 and int4 also quantize the word embeddings (default: yes; --no-embeddings keeps them).")
    boolean embeddings;

    @Option(names = "--cores", defaultValue = "3", paramLabel = "N", description = "mpo: cores per layer (default ${DEFAULT-VALUE}).")
    int cores;

    @Option(names = "--steps", defaultValue = "300", paramLabel = "N",
            description = "autoencoder and embed-direction: training steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--cosine-weight", defaultValue = "0.9", paramLabel = "X",
            description = "autoencoder and embed-direction: the cosine share of the loss (default ${DEFAULT-VALUE}).")
    double cosineWeight;

    @Option(names = "--embedding-ratio", defaultValue = "0.25", paramLabel = "X",
            description = "embed-svd and embed-direction: share of the embedding table kept (default ${DEFAULT-VALUE}: 4x smaller).")
    double embeddingRatio;

    @Option(names = "--layers", defaultValue = "3", paramLabel = "N", description = "drop: layers kept (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--calibration", defaultValue = "128", paramLabel = "N",
            description = "Calibration texts from the training data, for svd-aa and mpo (default ${DEFAULT-VALUE}).")
    int calibration;

    @Option(names = "--name", paramLabel = "NAME", description = "Result name (default: <model folder>-<methods>).")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the compressed model goes (default: models/compressed/<name>).")
    Path out;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Score only the first N questions of each set, for a quick look (0: all; recorded figures use all).")
    int limit;

    @Option(names = "--squad", defaultValue = "../shared/data/squad/squad-v1.1-dev.json.gz", paramLabel = "FILE")
    Path squad;

    @Option(names = "--hotpot-dev", defaultValue = "../shared/data/hotpotqa/dev-500.ircot.jsonl.gz", paramLabel = "FILE")
    Path hotpotDev;

    @Option(names = "--hotpot-train", defaultValue = "../shared/data/hotpotqa/train-100.json.gz", paramLabel = "FILE",
            description = "Training questions whose paragraphs calibrate (with SQuAD's training articles).")
    Path hotpotTrain;

    @Override
    public Integer call() throws Exception {
        if (limit < 0 || calibration < 1) {
            throw new IllegalArgumentException("--limit must be at least 0 and --calibration at least 1");
        }
        MethodOptions options = new MethodOptions(ratio, energy, keep, embeddings, cores, steps, cosineWeight, embeddingRatio, layers);
        List<CompressionMethod> chain = new ArrayList<>();
        for (String m : methods) {
            chain.add(options.method(m));
        }
        ModelArtifact original = ModelArtifact.load(model);
        if (original.manifest().compression() != null) {
            throw new IllegalArgumentException(model + " is already compressed (" + original.manifest().compression()
                    + "); compress the trained model, chaining methods with --method a,b");
        }
        String methodNames = String.join("+", chain.stream().map(CompressionMethod::name).toList());
        String resultName = name != null ? name : defaultName(model, chain.stream().map(CompressionMethod::name).toList());
        if (!resultName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name may hold letters, digits, '.', '_' and '-' only");
        }
        Path target = out != null ? out : project.models().resolve("compressed").resolve(resultName);
        PrintWriter err = spec.commandLine().getErr();
        Checkpoint checkpoint = original.checkpoint();
        Path work = Files.createTempDirectory("compactqa-compress-");
        try {
            Calibration measured = Calibration.NONE;
            if (methods.stream().map(String::strip).anyMatch(MethodOptions::calibrates)) {
                List<String> texts = CalibrationTexts.of(loader, project.home().resolve(squad), project.home().resolve(hotpotTrain), calibration);
                Path tokenizer = models.cache().tokenizer(original.base());
                err.printf("calibrating on %d training texts%n", texts.size());
                err.flush();
                Map<String, float[]> meanSquares = LayerInputs.meanSquares(checkpoint, tokenizer, texts, work);
                OutputDrift drift = methods.stream().map(String::strip).anyMatch(MethodOptions::probes)
                        ? OutputDrift.of(checkpoint, tokenizer, texts.subList(0, Math.min(texts.size(), 32)), 256, work) : null;
                measured = new Calibration(meanSquares, drift);
            }
            List<String> how = new ArrayList<>();
            for (CompressionMethod method : chain) {
                long start = System.nanoTime();
                checkpoint = method.apply(checkpoint, measured);
                how.add(method.name() + " (" + method.settings() + ")");
                err.printf("%s done in %.1f s%n", method.name(), (System.nanoTime() - start) / 1e9);
                err.flush();
            }
            ModelArtifact compressed = ModelArtifact.saveCompressed(target, checkpoint, original.manifest(), String.join(", then ", how));
            err.printf("compressed model written to %s%n", compressed.dir());
            err.flush();
            measure(resultName, methodNames, original, compressed, limit, squad, hotpotDev, models, project, loader, spec);
            return 0;
        } finally {
            IndexStore.deleteTree(work);
        }
    }

    /** {@code <model folder>-<method>-<method>...}: '-' between the methods, as a result name allows no '+'. */
    static String defaultName(Path model, List<String> methods) {
        return model.toAbsolutePath().normalize().getFileName() + "-" + String.join("-", methods);
    }

    /**
     * Measures {@code compressed} against {@code original} ({@link CompressionBenchmark}), writes
     * {@code eval/results/compress-<name>.json}, regenerates the report and prints the summary.
     */
    static void measure(String name, String method, ModelArtifact original, ModelArtifact compressed, int limit, Path squad,
                        Path hotpotDev, ModelConfig models, ProjectConfig project, DatasetLoader loader, CommandSpec spec)
            throws java.io.IOException {
        CompressionBenchmark.Data data = new CompressionBenchmark.Data(
                DataSplits.inLastArticles(loader.load(project.home().resolve(squad)), DataSplits.SQUAD_HELD_OUT_ARTICLES),
                loader.load(project.home().resolve(hotpotDev)), limit);
        RunInfo run = RunInfo.capture("./qa " + String.join(" ", spec.commandLine().getParseResult().originalArgs()), project.home());
        CompressionBenchResult result = new CompressionBenchmark().run(name, method, original, compressed, data, models.cache(),
                models.encoderOptions(), run, spec.commandLine().getErr());
        Path file = project.results().resolve("compress-" + name + ".json");
        ResultFiles.write(result, file);
        EvalReport.write(project.results(), project.models(), project.evalReadme(), project.readme());
        spec.commandLine().getOut().printf("%s: disk %.1f MB (%.1f%% of fp32), 1x384 %.2fx faster (%.2fx at 1 thread), metrics %s (original %s); %s%n",
                name, result.diskBytes() / 1e6, 100 * result.relative().get("disk_share"), result.relative().get("speedup_1x384"),
                result.relative().getOrDefault("speedup_1x384_1t", result.relative().get("speedup_1x384")),
                result.metrics(), result.original().metrics(), file);
    }
}
