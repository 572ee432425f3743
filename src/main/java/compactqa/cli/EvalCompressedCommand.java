package compactqa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import compactqa.eval.CompressionBenchResult;
import compactqa.model.ModelArtifact;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code qa eval compressed}: a model compressed by training (layer reduction, XTC, healing), or
 * trained in a compressed mode (compressed activations), measured against its original or the
 * standard run.
 */
@Dependent
@Command(name = "compressed",
        description = {"Measure a compressed model against the trained model it came from, as qa compress does after compressing:",
                "task metrics, latency at 1x384 and 8x256, disk size. For models compressed by training (qa train with a",
                "compression recipe), or trained with compressed activations against the same recipe's standard run (then",
                "also the training's peak step memory and time). Writes eval/results/compress-<name>.json and regenerates",
                "eval/README.md."})
public class EvalCompressedCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--original", required = true, paramLabel = "DIR", description = "The trained model, e.g. models/reader.")
    Path original;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The compressed model's folder.")
    Path model;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Result name: eval/results/compress-<name>.json.")
    String name;

    @Option(names = "--method", required = true, paramLabel = "NAME", description = "The method's short name, for the report (e.g. theseus).")
    String method;

    @Mixin
    CompressionMeasurement measurement;

    @Override
    public Integer call() throws Exception {
        ResultName.checked(name);
        ModelArtifact trained = ModelArtifact.load(context.resolve(original));
        ModelArtifact compressed = ModelArtifact.load(context.resolve(model));
        if (compressed.manifest().compression() == null && !CompressionBenchResult.Training.withCompressedActivations(compressed.dir())
                && !CompressionBenchResult.Training.asAdapters(compressed.dir())) {
            throw new IllegalArgumentException(model + " is neither a compressed model nor trained with compressed activations or as adapters");
        }
        if (compressed.manifest().task() != trained.manifest().task()) {
            throw new IllegalArgumentException(model + " is a " + compressed.manifest().task() + ", " + original + " a "
                    + trained.manifest().task());
        }
        measurement.run(context, name, method, trained, compressed);
        return 0;
    }
}
