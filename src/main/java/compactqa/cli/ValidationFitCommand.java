package compactqa.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import compactqa.dataset.QaExample;
import compactqa.eval.RunInfo;
import compactqa.model.ModelArtifact;
import compactqa.model.Precision;
import compactqa.model.Precisions;
import compactqa.model.Task;
import compactqa.train.Recipe;
import compactqa.train.TrainingRun;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A command that fits something small beside a trained model (calibration, evidence selection) on
 * the validation questions the model's recipe held out, and records how in the fitted file.
 */
abstract class ValidationFitCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "The recipe the model was trained by.")
    Path recipeFile;

    @Option(names = "--model", paramLabel = "DIR", description = "The model (default: the recipe's output folder).")
    Path model;

    @Option(names = "--precision", paramLabel = "P",
            description = "Both models' precision while fitting: fp32 or int8 (default: the service's, compactqa.model.reader-precision "
                    + "and compactqa.model.compressor-precision, since what is fitted here is read with its scores).")
    Precision precision;

    /** The task the recipe must train. */
    abstract Task task();

    /** Fits on {@code validation} and writes the result into {@code artifact}'s folder, with {@code provenance} in its report. */
    abstract void fit(ModelArtifact artifact, Recipe recipe, List<QaExample> validation, Map<String, Object> provenance)
            throws Exception;

    @Override
    public Integer call() throws Exception {
        Recipe recipe = Recipe.read(recipeFile);
        if (recipe.task() != task()) {
            throw new IllegalArgumentException(recipeFile + " is a " + recipe.task() + " recipe, not a " + task() + " one");
        }
        ModelArtifact artifact = ModelArtifact.load(model != null ? model : recipe.output(context.project().home()));
        List<QaExample> validation = new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader()).split().stream()
                .flatMap(s -> s.validation().stream()).toList();
        RunInfo run = context.run();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("command", run.command());
        provenance.put("commit", run.commit());
        provenance.put("date", run.date());
        provenance.put("weights_sha256", artifact.manifest().sha256());
        provenance.put("precision", recordedPrecision(precisions()));
        fit(artifact, recipe, validation, provenance);
        return 0;
    }

    /** The precision the fit's report names: of the models it scores with (both, unless a subclass reads one). */
    String recordedPrecision(Precisions precisions) {
        return precisions.id();
    }

    /** The precisions the fit scores at. */
    Precisions precisions() {
        return precision != null ? Precisions.both(precision) : context.models().precisions();
    }

    /** {@code report} followed by {@code provenance}. */
    static Map<String, Object> merged(Map<String, Object> report, Map<String, Object> provenance) {
        Map<String, Object> all = new LinkedHashMap<>(report);
        all.putAll(provenance);
        return all;
    }
}
