package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import compactqa.train.Recipe;
import compactqa.train.TrainingListener;
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

    abstract String task();

    @Override
    public Integer call() throws Exception {
        Recipe recipe = Recipe.read(recipeFile);
        if (!recipe.task().equals(task())) {
            throw new IllegalArgumentException(recipeFile + " is a " + recipe.task() + " recipe, not a " + task() + " one");
        }
        if (maxSteps != null) {
            if (maxSteps < 1) {
                throw new IllegalArgumentException("--max-steps must be at least 1");
            }
            // a shortened run never overwrites the recipe's model or checkpoints
            String suffix = "-steps-" + maxSteps;
            recipe = new Recipe(recipe.task(), recipe.base(), recipe.seed(), recipe.maxLength(), recipe.stride(), recipe.batchSize(),
                    recipe.epochs(), maxSteps, recipe.learningRate(), recipe.warmupRatio(), recipe.weightDecay(),
                    recipe.maxGradNorm(), recipe.dropout(), recipe.checkpointEvery(), recipe.validationSize(), recipe.data(),
                    recipe.workDir() + suffix, recipe.output() + suffix, recipe.compression(),
                    recipe.init(), recipe.adapters(), recipe.activationCompression(), recipe.stopAfterEpochs());
        }
        PrintWriter err = context.err();
        if (exportLatest) {
            var model = new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader()).exportLatest();
            context.out().printf("the latest checkpoint of %s written to %s%n", recipe.workDir(), model.dir());
            return 0;
        }
        if (maxMinutes != null && !(maxMinutes > 0)) {
            throw new IllegalArgumentException("--max-minutes must be positive");
        }
        TrainingRun.Result result = new TrainingRun(recipe, context.project().home(), context.models().cache(), context.loader())
                .withTimeLimit(maxMinutes == null ? null : Duration.ofMillis(Math.round(maxMinutes * 60_000)))
                .run(resume, new Progress(err));
        PrintWriter out = context.out();
        out.printf("trained %s on %,d features (%,d trainable parameters) for %,d steps; model written to %s%n", task(),
                result.trainingFeatures(), result.trainableParameters(), result.state().step(), result.model().dir());
        result.state().history().forEach(e -> out.printf("epoch %d: loss %.4f, validation %s%n", e.epoch() + 1, e.meanLoss(), e.metrics()));
        return 0;
    }

    /** Progress lines on standard error: loss, examples per second, learning rate and time left. */
    private static final class Progress implements TrainingListener {
        private final PrintWriter err;
        private long lastPrint;
        private double lossSum;
        private int lossCount;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onStep(long step, long totalSteps, double loss, double examplesPerS, double secondsLeft, double learningRate) {
            lossSum += loss;
            lossCount++;
            long now = System.nanoTime();
            if (now - lastPrint > 10_000_000_000L || step == totalSteps || step <= 3) {
                err.printf("step %,d/%,d  loss %.4f (mean of last %d: %.4f)  %.1f examples/s  lr %.2e  ETA %s%n", step, totalSteps,
                        loss, lossCount, lossSum / lossCount, examplesPerS, learningRate, ConsoleProgress.duration(secondsLeft));
                err.flush();
                lastPrint = now;
                lossSum = 0;
                lossCount = 0;
            }
        }

        @Override
        public void onTimeLimit(long step, double meanLoss, Map<String, Double> metrics) {
            err.printf("time limit reached at step %,d: mean loss %.4f, validation %s; --resume continues%n", step, meanLoss, metrics);
            err.flush();
        }

        @Override
        public void onSkippedStep(long step, double gradientNorm) {
            err.printf("step %,d skipped: the gradient norm was %s%n", step, gradientNorm);
            err.flush();
        }

        @Override
        public void onEpoch(int epoch, double meanLoss, Map<String, Double> metrics) {
            err.printf("epoch %d done: mean loss %.4f, validation %s%n", epoch + 1, meanLoss, metrics);
            err.flush();
        }

        @Override
        public void onCheckpoint(long step, String where) {
            err.printf("checkpoint at step %,d: %s%n", step, where);
            err.flush();
        }
    }

    @Dependent
    @Command(name = "reader", mixinStandardHelpOptions = true,
            description = {"Train the extractive reader (span and yes/no heads) from a recipe.",
                    "Checkpoints go to the recipe's work folder; --resume continues after an interruption."})
    static class Reader extends TrainTaskCommand {
        @Override
        String task() {
            return "reader";
        }
    }

    @Dependent
    @Command(name = "compressor", mixinStandardHelpOptions = true,
            description = {"Train the sentence compressor (sentence and sufficiency heads) from a recipe.",
                    "Checkpoints go to the recipe's work folder; --resume continues after an interruption."})
    static class Compressor extends TrainTaskCommand {
        @Override
        String task() {
            return "compressor";
        }
    }
}
