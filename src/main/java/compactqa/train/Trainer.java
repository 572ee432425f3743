package compactqa.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import compactqa.model.Tensor;

/**
 * The training loop: AdamW with warm-up and linear decay, global-norm gradient clipping, a data
 * order fixed by the recipe's seed, validation after every epoch, and checkpoints every N steps
 * from which an interrupted run resumes at the next batch.
 *
 * <p>Batches are built per epoch: the features are shuffled with {@code seed + epoch}, cut into
 * pools of 32 batches, each pool sorted by length and sliced into batches (little padding), and the
 * batches shuffled again. Dropout draws from PyTorch's generator reseeded at every step, so a
 * resumed run continues exactly as an uninterrupted one would. Not thread-safe.
 */
public final class Trainer {

    /** Steps in a row whose gradients may be non-finite (and skipped) before the run gives up. */
    static final int MAX_SKIPPED_IN_A_ROW = 5;

    /**
     * Steps over which the learning rate rises again from 0 after resuming from a kept checkpoint:
     * its optimizer state is gone, and AdamW's first steps on fresh moments move every weight by
     * about the full rate.
     */
    static final int REWARM_STEPS = 100;

    private final Recipe recipe;
    private final TrainingCheckpoints checkpoints;
    private final TrainingListener listener;
    private final LayerPlan plan;
    private final WeightView view;
    private Duration timeLimit;
    private Path committedCheckpoint;

    public Trainer(Recipe recipe, Path workDir, TrainingListener listener) {
        this(recipe, workDir, listener, null, WeightView.PLAIN);
    }

    /**
     * A trainer whose model runs the layers {@code plan} names (null: the encoder's own layers),
     * with its weights seen through {@code view} (quantization-aware training).
     */
    public Trainer(Recipe recipe, Path workDir, TrainingListener listener, LayerPlan plan, WeightView view) {
        this.recipe = recipe;
        this.checkpoints = new TrainingCheckpoints(workDir);
        this.listener = listener;
        this.plan = plan;
        this.view = view;
    }

    /**
     * Stops the run after {@code limit} of training in this process (null: no limit), at the end of
     * a step: validates, saves a checkpoint and returns, so that {@code --resume} continues. Two
     * models compared at the same limit had the same training wall time.
     */
    public Trainer withTimeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /**
     * Resumes from the checkpoint kept in {@code folder} ({@link TrainingCheckpoints#keep}) when the
     * work folder holds none (null: no such fallback).
     */
    public Trainer withCommittedCheckpoint(Path folder) {
        this.committedCheckpoint = folder;
        return this;
    }

    /**
     * Trains {@code params} on {@code task}.
     *
     * @param trainable which parameters learn; the others stay frozen
     * @param resume    continue from the latest checkpoint in the work folder, if there is one, else
     *                  from the committed checkpoint, if there is one; without it, any old
     *                  checkpoints in the work folder are deleted first
     * @return the state at the end, with each epoch's loss and validation metrics
     */
    public <F extends Feature> TrainingState train(TrainingTask<F> task, ModelParameters params, Predicate<String> trainable,
                                                   boolean resume) throws IOException {
        List<F> features = task.trainingFeatures();
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the recipe yields no training examples");
        }
        int batchesPerEpoch = batches(features, 0).size();
        long total = (long) batchesPerEpoch * recipe.epochs();
        if (recipe.maxSteps() > 0) {
            total = Math.min(total, recipe.maxSteps());
        }
        LearningRate schedule = new LearningRate(recipe.learningRate(), Math.round(total * recipe.warmupRatio()), total);
        long end = recipe.stopAfterEpochs() > 0 ? Math.min(total, (long) batchesPerEpoch * recipe.stopAfterEpochs()) : total;
        String recipeYaml = recipe.toYaml();
        TrainingState state = TrainingState.start(total, recipeYaml);
        long rewarmFrom = -1;
        params.setTrainable(trainable);
        try (AutoCloseable lock = checkpoints.lock(); AdamW adam = new AdamW(params.manager(), recipe.weightDecay())) {
            if (resume) {
                Optional<TrainingCheckpoints.Saved> saved = checkpoints.latest();
                if (saved.isEmpty()) {
                    saved = TrainingCheckpoints.kept(committedCheckpoint);
                    rewarmFrom = saved.map(k -> k.state().step()).orElse(-1L);
                }
                if (saved.isPresent()) {
                    if (!recipe.continues(saved.get().state().recipe())) {
                        throw new IllegalArgumentException("the checkpoint in " + checkpoints.dir()
                                + " was made by a different recipe; run without --resume to start over");
                    }
                    saved.get().weights().forEach(params::put);
                    params.setTrainable(trainable);
                    adam.restore(saved.get().optimizer());
                    state = saved.get().state();
                    if (rewarmFrom >= 0) {
                        listener.onResumedFromKept(state.step(), saved.get().dir().toString(), REWARM_STEPS);
                    }
                }
            } else {
                checkpoints.clear();
            }
            LayerPlan layers = plan != null ? plan : LayerPlan.encoder(params.config().layers());
            TorchBert bert = new TorchBert(params, layers, view).withActivationCompression(recipe.activationCompression());
            Engine engine = Engine.getEngine("PyTorch");
            long startedAt = System.nanoTime();
            double secondsBefore = state.seconds();
            long examplesSeen = 0;
            long stepsRun = 0;
            int skippedInARow = 0;
            StepMemory memory = new StepMemory();
            int threads = MachineLoad.engineThreads();
            long limitNanos = timeLimit == null ? Long.MAX_VALUE : timeLimit.toNanos();
            boolean timeUp = false;
            while (state.step() < end && !timeUp) {
                int epoch = state.epoch();
                List<List<F>> batches = batches(features, epoch);
                double lossSum = 0;
                int lossCount = 0;
                for (int b = state.batchInEpoch(); b < batches.size() && state.step() < end; b++) {
                    long step = state.step() + 1;
                    engine.setRandomSeed((int) (recipe.seed() * 1_000_003 + step));
                    layers.beforeStep(step, total);
                    List<F> batch = batches.get(b);
                    double loss;
                    memory.begin();
                    try (NDManager stepManager = params.manager().newSubManager();
                         GradientCollector collector = engine.newGradientCollector()) {
                        NDArray l = task.loss(bert, batch, stepManager, true, recipe.dropout());
                        collector.backward(l);
                        loss = l.getFloat();
                    }
                    if (!Double.isFinite(loss)) {
                        AdamW.zeroGradients(params);
                        throw new IllegalStateException("the loss became " + loss + " at step " + step
                                + "; lower the learning rate");
                    }
                    double rate = schedule.at(step) * rewarm(step, rewarmFrom);
                    double norm = adam.step(params, rate, recipe.maxGradNorm());
                    memory.end();
                    if (!Double.isFinite(norm)) {
                        if (++skippedInARow > MAX_SKIPPED_IN_A_ROW) {
                            throw new IllegalStateException("gradients were not finite for " + skippedInARow
                                    + " steps in a row, the last at step " + step);
                        }
                        listener.onSkippedStep(step, norm);
                    } else {
                        skippedInARow = 0;
                    }
                    lossSum += loss;
                    lossCount++;
                    examplesSeen += batch.size();
                    stepsRun++;
                    double seconds = (System.nanoTime() - startedAt) / 1e9;
                    state = state.advance(step, epoch, b + 1, secondsBefore + seconds).withMemory(memory)
                            .withLoad(threads, MachineLoad.sample());
                    listener.onStep(step, end, loss, examplesSeen / Math.max(seconds, 1e-9), seconds / stepsRun * (end - step), rate);
                    if (System.nanoTime() - startedAt >= limitNanos && step < end) {
                        timeUp = true;
                        break;
                    }
                    if (step % recipe.checkpointEvery() == 0 && step < end) {
                        save(params, adam, state);
                    }
                }
                if (timeUp) {
                    Map<String, Double> metrics;
                    try (NDManager validation = params.manager().newSubManager()) {
                        metrics = task.validate(bert, validation);
                    }
                    double meanLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
                    state = state.withValidation(new TrainingState.EpochResult(epoch, state.step(), meanLoss, metrics));
                    listener.onTimeLimit(state.step(), meanLoss, metrics);
                    save(params, adam, state);
                    break;
                }
                boolean epochDone = state.batchInEpoch() >= batches.size();
                if (epochDone || state.step() >= end) {
                    Map<String, Double> metrics;
                    try (NDManager validation = params.manager().newSubManager()) {
                        metrics = task.validate(bert, validation);
                    }
                    double meanLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
                    state = state.withEpoch(new TrainingState.EpochResult(epoch, state.step(), meanLoss, metrics));
                    listener.onEpoch(epoch, meanLoss, metrics);
                    save(params, adam, state);
                }
            }
            return state;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot release the training lock: " + e.getMessage(), e);
        }
    }

    /** The share of the scheduled rate at {@code step} after resuming from a kept checkpoint at {@code from} (-1: none). */
    static double rewarm(long step, long from) {
        return from < 0 ? 1 : Math.min(1, (step - from) / (double) REWARM_STEPS);
    }

    private void save(ModelParameters params, AdamW adam, TrainingState state) throws IOException {
        Map<String, Tensor> weights = new LinkedHashMap<>();
        params.all().forEach((name, array) -> weights.put(name, ModelParameters.toTensor(array)));
        Path where = checkpoints.save(weights, adam.state(), state);
        listener.onCheckpoint(state.step(), where.toString());
    }

    /** The batches of one epoch, deterministic for the recipe's seed and the epoch. */
    <F extends Feature> List<List<F>> batches(List<F> features, int epoch) {
        Random random = new Random(recipe.seed() * 31 + epoch);
        List<F> shuffled = new ArrayList<>(features);
        Collections.shuffle(shuffled, random);
        int pool = recipe.batchSize() * 32;
        List<List<F>> batches = new ArrayList<>();
        for (int from = 0; from < shuffled.size(); from += pool) {
            List<F> chunk = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + pool)));
            chunk.sort(Comparator.comparingInt(Feature::length));
            for (int b = 0; b < chunk.size(); b += recipe.batchSize()) {
                batches.add(List.copyOf(chunk.subList(b, Math.min(chunk.size(), b + recipe.batchSize()))));
            }
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
