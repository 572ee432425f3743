package compactqa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import compactqa.dataset.DatasetLoader;
import compactqa.eval.CompressionBenchResult;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qa eval compressed}: a model compressed by training (layer reduction, XTC, healing), or
 * trained in a compressed mode (compressed activations), measured against its original or the
 * standard run.
 */
@Dependent
@Command(name = "compressed", mixinStandardHelpOptions = true,
        description = {"Measure a compressed model against the trained model it came from, as qa compress does after compressing:",
                "task metrics, latency at 1x384 and 8x256, disk size. For models compressed by training (qa train with a",
                "compression recipe), or trained with compressed activations against the same recipe's standard run (then",
                "also the training's peak step memory and time). Writes eval/results/compress-<name>.json and regenerates",
                "eval/README.md."})
public class EvalCompressedCommand implements Callable<Integer> {

    @Inject
    ModelConfig models;

    @Inject
    ProjectConfig project;

    @Inject
    DatasetLoader loader;

    @Spec
    CommandSpec spec;

    @Option(names = "--original", required = true, paramLabel = "DIR", description = "The trained model, e.g. models/reader.")
    Path original;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "The compressed model's folder.")
    Path model;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Result name: eval/results/compress-<name>.json.")
    String name;

    @Option(names = "--method", required = true, paramLabel = "NAME", description = "The method's short name, for the report (e.g. theseus).")
    String method;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "Score only the first N questions of each set, for a quick look (0: all; recorded figures use all).")
    int limit;

    @Option(names = "--squad", defaultValue = "../shared/data/squad/squad-v1.1-dev.json.gz", paramLabel = "FILE")
    Path squad;

    @Option(names = "--hotpot-dev", defaultValue = "../shared/data/hotpotqa/dev-500.ircot.jsonl.gz", paramLabel = "FILE")
    Path hotpotDev;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be at least 0");
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name may hold letters, digits, '.', '_' and '-' only");
        }
        ModelArtifact trained = ModelArtifact.load(project.home().resolve(original));
        ModelArtifact compressed = ModelArtifact.load(project.home().resolve(model));
        if (compressed.manifest().compression() == null && !CompressionBenchResult.Training.withCompressedActivations(compressed.dir())
                && !CompressionBenchResult.Training.asAdapters(compressed.dir())) {
            throw new IllegalArgumentException(model + " is neither a compressed model nor trained with compressed activations or as adapters");
        }
        if (!compressed.manifest().task().equals(trained.manifest().task())) {
            throw new IllegalArgumentException(model + " is a " + compressed.manifest().task() + ", " + original + " a "
                    + trained.manifest().task());
        }
        CompressCommand.measure(name, method, trained, compressed, limit, squad, hotpotDev, models, project, loader, spec);
        return 0;
    }
}
