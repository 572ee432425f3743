package compactqa.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.djl.ndarray.NDManager;
import compactqa.corpus.Document;
import compactqa.dataset.DatasetLoader;
import compactqa.dataset.QaExample;
import compactqa.dataset.ReaderExample;
import compactqa.dataset.ReaderExamples;
import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.CompressorFeaturizer;
import compactqa.model.Head;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.PretrainedEncoder;
import compactqa.model.Tensor;
import compactqa.model.TernaryWeights;
import compactqa.model.TextTokenizer;
import compactqa.model.Task;

/**
 * One run of a recipe, end to end: the base encoder from its jar, the task's examples, training,
 * and the trained model written as a {@link ModelArtifact}. The word embeddings stay frozen, as the
 * pretrained encoder has them: with a few thousand examples they gain little from training, and
 * leaving them out keeps the shipped model small.
 */
public final class TrainingRun {

    /** Parameters that never train. */
    static final Predicate<String> FROZEN = name -> name.equals(BertNames.WORD_EMBEDDINGS);

    private final Recipe recipe;
    private final Path home;
    private final ModelCache cache;
    private final DatasetLoader loader;
    private Duration timeLimit;

    public TrainingRun(Recipe recipe, Path home, ModelCache cache, DatasetLoader loader) {
        this.recipe = recipe;
        this.home = home;
        this.cache = cache;
        this.loader = loader;
    }

    /** Stops training after {@code limit} in this process (null: none); see {@link Trainer#withTimeLimit}. */
    public TrainingRun withTimeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    /** The finished run: its last state and where the model went. */
    public record Result(TrainingState state, ModelArtifact model, int trainingFeatures, long trainableParameters) {
    }

    public Result run(boolean resume, TrainingListener listener) throws IOException {
        if (recipe.compression() != null) {
            return compressByTraining(resume, listener);
        }
        PretrainedEncoder base = PretrainedEncoder.of(recipe.base());
        Checkpoint checkpoint;
        // a resumed run whose checkpoint survives (in the work folder or kept) takes every trained weight
        // from it: the first stage's model it started from is then not needed, and may be gone with the home folder
        boolean checkpointed = resume && (new TrainingCheckpoints(recipe.workDir(home)).any()
                || TrainingCheckpoints.isKept(recipe.committedCheckpoint(home)));
        boolean initGone = recipe.init() != null && !Files.isDirectory(recipe.init(home));
        ModelArtifact init = recipe.init() == null || (initGone && checkpointed) ? null : ModelArtifact.load(recipe.init(home));
        if (init != null) {
            // a second stage: the trained model, heads included, trains on
            if (init.manifest().task() != recipe.task() || init.manifest().compression() != null
                    || !init.manifest().base().equals(base.id())) {
                throw new IllegalArgumentException(recipe.init() + " is not a trained " + recipe.task() + " on " + base.id());
            }
            checkpoint = init.checkpoint();
        } else {
            try (InputStream in = ModelCache.openOnnx(base)) {
                checkpoint = new OnnxImporter().read(in, base.config());
            }
        }
        try (TextTokenizer tokenizer = new TextTokenizer(cache.tokenizer(base), recipe.maxLength(), recipe.stride());
             NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(checkpoint, manager)) {
            TrainingTask<?> task = task(tokenizer, checkpoint, base);
            List<Head> heads = task.heads();
            for (int i = 0; i < heads.size() && init == null; i++) {
                params.addHead(heads.get(i).name(), heads.get(i).outputs(), recipe.seed() + i);
            }
            Predicate<String> trainable = FROZEN.negate();
            if (recipe.adapters() != null) {
                Compacter.add(params, recipe.adapters().n(), recipe.adapters().bottleneck(), recipe.seed() + heads.size());
                trainable = Compacter.TRAINABLE;
            }
            int features = task.trainingFeatures().size();
            Trainer trainer = new Trainer(recipe, recipe.workDir(home), listener).withTimeLimit(timeLimit)
                    .withCommittedCheckpoint(recipe.committedCheckpoint(home));
            TrainingState state = trainer.train(task, params, trainable, resume);
            boolean compressor = recipe.task() == Task.COMPRESSOR;
            ModelArtifact model = ModelArtifact.save(recipe.output(home), params.toCheckpoint(), recipe.task(), base,
                    heads, recipe.maxLength(), recipe.stride(), compressor ? CompressorTask.MAX_QUESTION_TOKENS : 0,
                    compressor ? CompressorTask.MAX_EVIDENCE_TOKENS : 0, trainable);
            Result result = new Result(state, model, features, params.trainableCount());
            TrainingReport.write(model.dir().resolve(TrainingReport.FILE), recipe, result,
                    recipe.init(home));
            return result;
        }
    }

    /**
     * The model as the latest checkpoint of the recipe's work folder holds it, written to
     * {@code <output>-step-<N>} without training on: to score a long run while it goes on.
     */
    public ModelArtifact exportLatest() throws IOException {
        if (recipe.compression() != null) {
            throw new IllegalArgumentException("exporting a checkpoint is for plain training runs");
        }
        TrainingCheckpoints.Saved saved = new TrainingCheckpoints(recipe.workDir(home)).latest()
                .orElseThrow(() -> new IllegalArgumentException("no checkpoint in " + recipe.workDir() + " yet"));
        PretrainedEncoder base = PretrainedEncoder.of(recipe.base());
        boolean compressor = recipe.task() == Task.COMPRESSOR;
        List<Head> heads = compressor ? CompressorTask.HEADS : ReaderTask.HEADS;
        Predicate<String> include = recipe.adapters() != null ? Compacter.TRAINABLE : FROZEN.negate();
        return ModelArtifact.save(Recipe.resolve(home, recipe.output() + "-step-" + saved.state().step()),
                new Checkpoint(base.config(), saved.weights()), recipe.task(), base, heads, recipe.maxLength(), recipe.stride(),
                compressor ? CompressorTask.MAX_QUESTION_TOKENS : 0, compressor ? CompressorTask.MAX_EVIDENCE_TOKENS : 0, include);
    }

    /**
     * Writes the latest checkpoint of the recipe's work folder, compactly, to its committed
     * checkpoint folder ({@link Recipe#committedCheckpoint}), from which {@code --resume} continues
     * on a machine without the work folder.
     *
     * @return the state kept
     */
    public TrainingState keepLatest() throws IOException {
        Path folder = recipe.committedCheckpoint(home);
        if (folder == null || recipe.compression() != null) {
            throw new IllegalArgumentException("the recipe names no committed_checkpoint folder to keep its checkpoint in");
        }
        Predicate<String> include = recipe.adapters() != null ? Compacter.TRAINABLE : FROZEN.negate();
        return new TrainingCheckpoints(recipe.workDir(home)).keep(folder, include);
    }

    /**
     * Compression of a trained model by training; the result is written whole, as a compressed
     * model of the teacher:
     * <ul>
     * <li>{@code theseus}: one-layer successors of the teacher's modules, trained by progressive
     * module replacing, everything else frozen;
     * <li>{@code bottom}: the teacher's bottom layers fine-tuned alone (Theseus's baseline);
     * <li>{@code xtc}: every linear weight and the word embeddings trained at 2 or 1 bits with a
     * straight-through estimator, distilled from the teacher, then packed;
     * <li>{@code heal}: a factorized model (SVD, MPO, autoencoder) fine-tuned in its own form,
     * distilled from the teacher.
     * </ul>
     */
    private Result compressByTraining(boolean resume, TrainingListener listener) throws IOException {
        Recipe.Compression how = recipe.compression();
        ModelArtifact teacher = ModelArtifact.load(Recipe.resolve(home, how.teacher()));
        if (teacher.manifest().task() != recipe.task() || teacher.manifest().compression() != null) {
            throw new IllegalArgumentException(how.teacher() + " is not a trained " + recipe.task() + " to compress");
        }
        if (distils(how) && recipe.task() != Task.READER) {
            throw new IllegalArgumentException(how.method() + " distils readers only");
        }
        Checkpoint full = teacher.checkpoint();
        ModelArtifact studentModel = how.student() == null || how.student().isBlank() ? null : ModelArtifact.load(Recipe.resolve(home, how.student()));
        Checkpoint student = studentModel == null ? full : studentModel.checkpoint();
        int layers = full.config().layers();
        List<String> compact = List.of();
        Checkpoint start = student;
        LayerPlan plan = null;
        WeightView view = WeightView.PLAIN;
        Predicate<String> trainable = FROZEN.negate();
        String method;
        switch (how.method()) {
            case "theseus" -> {
                requireFewerLayers(how, layers);
                TheseusPlan theseus = new TheseusPlan(layers, how.layers(), how.replaceStart(), how.replaceUntil(), recipe.seed());
                Map<String, Tensor> successors = new LinkedHashMap<>();
                List<String> prefixes = new ArrayList<>();
                for (int k = 0; k < how.layers(); k++) {
                    String from = BertNames.layer(theseus.initialLayer(k), "");
                    String to = TheseusPlan.successor(k);
                    full.tensors().forEach((name, t) -> {
                        if (name.startsWith(from)) {
                            successors.put(to + name.substring(from.length()), t);
                        }
                    });
                    prefixes.add(to);
                }
                compact = prefixes;
                start = full.with(full.config(), successors);
                plan = theseus;
                trainable = name -> name.startsWith("theseus.");
                method = String.format(Locale.ROOT, "theseus (%d layers to %d by progressive module replacing, rate %.2f rising to 1 "
                        + "over %.0f%% of the steps)", layers, how.layers(), how.replaceStart(), 100 * how.replaceUntil());
            }
            case "bottom" -> {
                requireFewerLayers(how, layers);
                List<String> bottom = new ArrayList<>();
                for (int l = 0; l < how.layers(); l++) {
                    bottom.add(BertNames.layer(l, ""));
                }
                start = full.withLayers(bottom);
                method = String.format(Locale.ROOT, "bottom (the bottom %d of %d layers, fine-tuned)", how.layers(), layers);
            }
            case "xtc" -> {
                view = new TernaryView(how.bits());
                trainable = name -> true; // the word embeddings are quantized too, so they train
                method = String.format(Locale.ROOT, "xtc (%s weights and word embeddings, per-row scales, straight-through "
                        + "training distilled from %s)", how.bits() == 2 ? "ternary" : "binary", how.teacher());
            }
            default -> {
                if (studentModel == null || studentModel.manifest().compression() == null) {
                    throw new IllegalArgumentException("heal needs a compressed student model");
                }
                method = "healed (" + studentModel.manifest().compression() + "; then fine-tuned in its own form, distilled from "
                        + how.teacher() + ")";
            }
        }
        try (TextTokenizer tokenizer = new TextTokenizer(cache.tokenizer(teacher.base()), recipe.maxLength(), recipe.stride());
             NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(start, manager);
             // only distillation reads the teacher while training (try-with-resources skips a null)
             ModelParameters teacherParams = distils(how) ? ModelParameters.of(full, manager) : null) {
            TrainingTask<?> task = task(tokenizer, full, teacher.base());
            if (teacherParams != null) {
                task = new ReaderDistillation((ReaderTask) task, new TorchBert(teacherParams), how.distillWeight(), how.temperature(),
                        how.hiddenWeight());
            }
            int features = task.trainingFeatures().size();
            TrainingState state = new Trainer(recipe, recipe.workDir(home), listener, plan, view).withTimeLimit(timeLimit)
                    .train(task, params, trainable, resume);
            Checkpoint trained = params.toCheckpoint();
            Checkpoint result = compact.isEmpty() ? trained : trained.withLayers(compact);
            if (how.method().equals("xtc")) {
                result = packed(result, how.bits());
            }
            ModelArtifact model = ModelArtifact.saveCompressed(recipe.output(home), result, teacher.manifest(),
                    method + ", " + state.step() + " steps");
            Result r = new Result(state, model, features, params.trainableCount());
            // a student that was itself trained (a healed or distilled model) keeps its history beside the result
            TrainingReport.write(model.dir().resolve(TrainingReport.FILE), recipe, r, studentModel == null ? null : studentModel.dir());
            return r;
        }
    }

    private static boolean distils(Recipe.Compression how) {
        return how.method().equals("xtc") || how.method().equals("heal");
    }

    private static void requireFewerLayers(Recipe.Compression how, int layers) {
        if (how.layers() >= layers) {
            throw new IllegalArgumentException("the compact model must have fewer than the teacher's " + layers + " layers");
        }
    }

    /** {@code trained} with every weight {@link TernaryView} quantized held as packed codes. */
    static Checkpoint packed(Checkpoint trained, int bits) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        trained.tensors().forEach((name, t) -> {
            if (TernaryView.quantized(name)) {
                out.putAll(TernaryWeights.pack(name, TernaryWeights.quantize(t.floats(), (int) t.dim(0), (int) t.dim(1), bits)));
            } else {
                out.put(name, t);
            }
        });
        return new Checkpoint(trained.config(), out).validate();
    }

    /** One data source's questions: those that train, and those held out to validate on. */
    public record SourceSplit(Recipe.DataSource source, List<QaExample> training, List<QaExample> validation) {
    }

    /**
     * The recipe's questions, source by source, split as training splits them: each source gives
     * its share of the validation questions (SQuAD whole articles, so that no validation question
     * shares its paragraph with a training one), drawn with the recipe's seed; they never train.
     */
    public List<SourceSplit> split() {
        long validating = recipe.data().stream().filter(d -> !d.trainOnly()).count();
        int quota = validating == 0 ? 0 : (int) (recipe.validationSize() / validating);
        Random random = new Random(recipe.seed());
        List<SourceSplit> splits = new ArrayList<>();
        for (Recipe.DataSource source : recipe.data()) {
            List<QaExample> examples = TrainingData.load(loader, home, source);
            int share = source.trainOnly() ? 0 : Math.min(quota, examples.size() / 5);
            Set<QaExample> held = TrainingData.validationShare(examples, share, random);
            List<QaExample> trains = new ArrayList<>();
            List<QaExample> validation = new ArrayList<>();
            for (QaExample e : examples) {
                (held.contains(e) ? validation : trains).add(e);
            }
            splits.add(new SourceSplit(source, trains, validation));
        }
        return splits;
    }

    /**
     * The recipe's task over its data; {@code words} and {@code base} give the word embeddings and
     * vocabulary that word variants draw replacements from.
     */
    private TrainingTask<?> task(TextTokenizer tokenizer, Checkpoint words, PretrainedEncoder base) throws IOException {
        List<QaExample> validation = new ArrayList<>();
        List<QaExample> training = new ArrayList<>();
        List<ReaderExample> variants = new ArrayList<>();
        Random variantRandom = new Random(recipe.seed() + 2);
        WordSubstitution substitution = recipe.data().stream().anyMatch(d -> d.wordVariants() > 0)
                ? new WordSubstitution(TextTokenizer.vocabulary(cache.tokenizer(base)), words.tensor(BertNames.WORD_EMBEDDINGS))
                : null;
        List<SourceSplit> splits = split();
        // no comparison question is made from a paragraph any validation question reads (sources share paragraphs)
        Set<String> validationTitles = splits.stream().flatMap(sp -> sp.validation().stream()).flatMap(e -> e.paragraphs().stream())
                .map(Document::title).collect(Collectors.toSet());
        for (SourceSplit split : splits) {
            Recipe.DataSource source = split.source();
            validation.addAll(split.validation());
            List<QaExample> trains = split.training();
            if (source.balanceYesNo()) {
                trains = TrainingData.balanceYesNo(trains);
            }
            for (QaExample e : trains) {
                for (int r = 0; r < Math.max(1, source.repeat()); r++) {
                    training.add(e);
                }
            }
            if (source.variants() > 0) {
                List<Document> pool = trains.stream().flatMap(e -> e.supportingParagraphs().stream().map(e.paragraphs()::get))
                        .distinct().toList();
                for (QaExample e : trains) {
                    variants.addAll(ContextVariants.of(e, source.variants(), pool, variantRandom));
                }
            }
            if (source.comparisons() > 0) {
                // made from training paragraphs only: a validation question's paragraphs never train
                List<QaExample> comparisons = ComparisonQuestions.of(trains.stream().flatMap(e -> e.paragraphs().stream())
                        .filter(d -> !validationTitles.contains(d.title())).distinct().toList(), source.comparisons(),
                        new Random(recipe.seed() + 3));
                training.addAll(comparisons);
                trains = new ArrayList<>(trains);
                trains.addAll(comparisons);
            }
            if (source.evidenceContexts() > 0) {
                List<Document> pool = trains.stream().flatMap(e -> e.paragraphs().stream()).distinct().toList();
                for (QaExample e : trains) {
                    variants.addAll(EvidenceContexts.of(e, source.evidenceContexts(), pool, variantRandom));
                }
            }
            if (source.wordVariants() > 0) {
                // a word swapped in a made-up comparison ("American" for "British") would turn its answer
                List<ReaderExample> originals = trains.stream().filter(e -> !e.dataset().equals(ComparisonQuestions.DATASET))
                        .map(ReaderExamples::of).flatMap(Optional::stream).toList();
                for (int w = 0; w < source.wordVariants(); w++) {
                    for (ReaderExample original : originals) {
                        variants.add(substitution.vary(original, variantRandom));
                    }
                }
            }
        }
        return switch (recipe.task()) {
            case READER -> new ReaderTask(tokenizer,
                    Stream.concat(training.stream().map(ReaderExamples::of).flatMap(Optional::stream), variants.stream()).toList(),
                    validation.stream().map(ReaderExamples::of).flatMap(Optional::stream).toList(),
                    recipe.seed(), 0.3);
            case COMPRESSOR -> new CompressorTask(new CompressorFeaturizer(tokenizer, recipe.maxLength(),
                    CompressorTask.MAX_QUESTION_TOKENS, CompressorTask.MAX_EVIDENCE_TOKENS),
                    compressorExamples(training), validation);
        };
    }

    /** The compressor's examples; SQuAD and NQ questions draw distractors from their own data set's paragraphs. */
    private List<CompressorExample> compressorExamples(List<QaExample> training) {
        Map<String, List<Document>> pools = new HashMap<>();
        Map<String, Map<String, List<Document>>> articles = new HashMap<>();
        for (QaExample e : training) {
            pools.computeIfAbsent(e.dataset(), k -> new ArrayList<>()).addAll(e.paragraphs());
            if (e.paragraphs().size() == 1) {
                articles.computeIfAbsent(e.dataset(), k -> new HashMap<>())
                        .computeIfAbsent(e.paragraphs().get(0).title(), k -> new ArrayList<>()).add(e.paragraphs().get(0));
            }
        }
        // questions share their paragraph: each article lists a paragraph once
        articles.values().forEach(byTitle -> byTitle.replaceAll((title, list) -> list.stream().distinct().toList()));
        Map<String, Integer> negatives = new HashMap<>();
        Map<String, Boolean> sameArticle = new HashMap<>();
        Random random = new Random(recipe.seed() + 1);
        List<CompressorExample> examples = new ArrayList<>();
        for (QaExample e : training) {
            int n = negatives.computeIfAbsent(e.dataset(), this::negativesOf);
            boolean hard = sameArticle.computeIfAbsent(e.dataset(), this::sameArticleNegativesOf);
            List<Document> article = hard && e.paragraphs().size() == 1
                    ? articles.get(e.dataset()).getOrDefault(e.paragraphs().get(0).title(), List.of()) : List.of();
            examples.addAll(CompressorExamples.of(e, pools.get(e.dataset()), article, n, random));
        }
        return examples;
    }

    private boolean sameArticleNegativesOf(String dataset) {
        return recipe.data().stream().filter(d -> datasetOf(d).equals(dataset)).anyMatch(Recipe.DataSource::sameArticleNegatives);
    }

    private int negativesOf(String dataset) {
        return recipe.data().stream().filter(d -> datasetOf(d).equals(dataset)).mapToInt(Recipe.DataSource::negatives)
                .findFirst().orElse(0);
    }

    private String datasetOf(Recipe.DataSource source) {
        return loader.format(home.resolve(source.path())).label();
    }
}
