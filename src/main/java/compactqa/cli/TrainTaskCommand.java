package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import compactqa.model.Task;
import compactqa.train.Recipe;
import compactqa.train.TrainingRun;
import jakarta.enterprise.context.Dependent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code qa train reader|compressor --recipe FILE}: one training run, resumable. */
abstract class TrainTaskCommand implements Callable<Integer> {

    @Mixin
    CommandContext context;

    @Option(names = "--recipe", required = true, paramLabel = "FILE", description = "Recipe (YAML), e.g. models/recipes/reader-minilm.yaml.")
    Path recipeFile;

    @Option(names = "--resume", description = "Continue from the latest checkpoint of the recipe's work folder.")
    boolean resume;

    @Option(names = "--max-steps", paramLabel = "N",
            description = "Stop after N steps (overrides the recipe); model and checkpoints then go to the recipe's folders + -steps-N.")
    Integer maxSteps;

    @Option(names = "--max-minutes", paramLabel = "M",
            description = "Stop after M minutes of training: validate, save a checkpoint and write the model so far; --resume continues.")
    Double maxMinutes;

    @Option(names = "--export-latest", description = "Write the model of the latest checkpoint to <output>-step-<N> and stop (to score a run in progress).")
    boolean exportLatest;

    @Option(names = "--keep-checkpoint",
            description = "Write the latest checkpoint, compactly, to the recipe's committed_checkpoint folder and stop: commit it, and --resume continues from it where the work folder is gone.")
    boolean keepCheckpoint;

    abstract Task task();

    @Override
    public Integer call() throws Exception {
        Recipe recipe = Recipe.read(recipeFile);
        if (recipe.task() != task()) {
            throw new IllegalArgumentException(recipeFile + " is a " + recipe.task() + " recipe, not a " + task() + " one");
        }
        if (maxSteps != null) {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("--max-steps must be at least 1");
            }
            recipe = recipe.shortened(maxSteps);
        }
        PrintWriter err = context.err();
        if (exportLatest) {
            var model = new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader()).exportLatest();
            context.out().printf("the latest checkpoint of %s written to %s%n", recipe.workDir(), model.dir());
            return 0;
        }
        if (keepCheckpoint) {
            var state = new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader()).keepLatest();
            context.out().printf("step %,d of %s kept in %s%n", state.step(), recipe.workDir(), recipe.committedCheckpoint());
            return 0;
        }
        if (maxMinutes != null && !(maxMinutes > 0)) {
            throw new IllegalArgumentException("--max-minutes must be positive");
        }
        TrainingRun.Result result = new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader())
                .withTimeLimit(maxMinutes == null ? null : Duration.ofMillis(Math.round(maxMinutes * 60_000)))
                .run(resume, new TrainingProgress(err));
        PrintWriter out = context.out();
        out.printf("trained %s on %,d features (%,d trainable parameters) for %,d steps; model written to %s%n", task(),
                result.trainingFeatures(), result.trainableParameters(), result.state().step(), result.model().dir());
        result.state().history().forEach(e -> out.printf("epoch %d: loss %.4f, validation %s%n", e.epoch() + 1, e.meanLoss(), e.metrics()));
        return 0;
    }

    @Dependent
    @Command(name = "reader",
            description = {"Train the extractive reader (span and yes/no heads) from a recipe.",
                    "Checkpoints go to the recipe's work folder; --resume continues after an interruption."})
    static class Reader extends TrainTaskCommand {
        @Override
        Task task() {
            return Task.READER;
        }
    }

    @Dependent
    @Command(name = "compressor",
            description = {"Train the sentence compressor (sentence and sufficiency heads) from a recipe.",
                    "Checkpoints go to the recipe's work folder; --resume continues after an interruption."})
    static class Compressor extends TrainTaskCommand {
        @Override
        Task task() {
            return Task.COMPRESSOR;
        }
    }
}
