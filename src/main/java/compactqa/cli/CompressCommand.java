package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.compress.Calibration;
import compactqa.compress.CompressionChain;
import compactqa.compress.Method;
import compactqa.dataset.CalibrationTexts;
import compactqa.index.IndexStore;
import compactqa.model.Checkpoint;
import compactqa.model.ModelArtifact;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa compress}: a trained model compressed offline, and measured against the original. */
@Dependent
@Command(name = "compress",
        description = {"Compress a trained reader or compressor offline (no fine-tuning) and measure it against the original in",
                "one run: task metrics, latency at 1x384 and 8x256, disk size. Methods chain in the order given, each",
                "compressing what the earlier ones left plain: " + Method.NAMES + ".",
                "Writes the model folder and eval/results/compress-<name>.json, and regenerates eval/README.md."})
public class CompressCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The trained model, e.g. models/reader.")
    Path model;

    @Option(names = "--method", required = true, split = ",", paramLabel = "NAME", description = "Methods, in order: " + Method.NAMES + ".")
    List<String> methods;

    @Mixin
    MethodSettings settings;

    @Option(names = "--calibration", defaultValue = "128", paramLabel = "N",
            description = "Calibration texts from the training data, for svd-aa and mpo (default ${DEFAULT-VALUE}).")
    int calibration;

    @Option(names = "--name", paramLabel = "NAME", description = "Result name (default: <model folder>-<methods>).")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the compressed model goes (default: models/compressed/<name>).")
    Path out;

    @Mixin
    CompressionMeasurement measurement;

    @Option(names = "--hotpot-train", defaultValue = "../shared/data/hotpotqa/train-100.json.gz", paramLabel = "FILE",
            description = "Training questions whose paragraphs calibrate (with SQuAD's training articles).")
    Path hotpotTrain;

    @Override
    public Integer call() throws Exception {
        if (calibration < 1) {
            throw new IllegalArgumentException("--calibration must be at least 1");
        }
        measurement.limit.value();
        CompressionChain chain = new CompressionChain(methods.stream().map(Method::of).toList(), settings.options());
        ModelArtifact original = ModelArtifact.load(model);
        if (original.manifest().compression() != null) {
            throw new IllegalArgumentException(model + " is already compressed (" + original.manifest().compression()
                    + "); compress the trained model, chaining methods with --method a,b");
        }
        String resultName = ResultName.checked(name != null ? name : ResultName.of(model, chain.name("-")));
        Path target = out != null ? out : context.project().models().resolve("compressed").resolve(resultName);
        PrintWriter err = context.err();
        Checkpoint checkpoint = original.checkpoint();
        Path work = Files.createTempDirectory("compactqa-compress-");
        try {
            Calibration measured = Calibration.NONE;
            if (chain.calibrates()) {
                List<String> texts = CalibrationTexts.of(context.loader(), context.resolve(measurement.sets.squad()), context.resolve(hotpotTrain),
                        calibration);
                err.printf("calibrating on %d training texts%n", texts.size());
                err.flush();
                measured = chain.calibrate(checkpoint, context.models().cache().tokenizer(original.base()), texts, work);
            }
            CompressionChain.Result result = chain.apply(checkpoint, measured, err);
            ModelArtifact compressed = ModelArtifact.saveCompressed(target, result.checkpoint(), original.manifest(), result.description());
            err.printf("compressed model written to %s%n", compressed.dir());
            err.flush();
            measurement.run(context, resultName, chain.name("+"), original, compressed);
            return 0;
        } finally {
            IndexStore.deleteTree(work);
        }
    }
}
