package compactqa.train;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import ai.djl.ndarray.NDManager;
import compactqa.eval.DatasetLoader;
import compactqa.eval.QaExample;
import compactqa.eval.ReaderExamples;
import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.Head;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.PretrainedEncoder;
import compactqa.model.CompressorFeaturizer;
import compactqa.model.TextTokenizer;

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

    public TrainingRun(Recipe recipe, Path home, ModelCache cache, DatasetLoader loader) {
        this.recipe = recipe;
        this.home = home;
        this.cache = cache;
        this.loader = loader;
    }

    /** The finished run: its last state and where the model went. */
    public record Result(TrainingState state, ModelArtifact model, int trainingFeatures, long trainableParameters) {
    }

    public Result run(boolean resume, TrainingListener listener) throws IOException {
        PretrainedEncoder base = PretrainedEncoder.of(recipe.base());
        Checkpoint checkpoint;
        try (InputStream in = ModelCache.openOnnx(base)) {
            checkpoint = new OnnxImporter().read(in, base.config());
        }
        try (TextTokenizer tokenizer = new TextTokenizer(cache.tokenizer(base), recipe.maxLength(), recipe.stride());
             NDManager manager = NDManager.newBaseManager("PyTorch");
             ModelParameters params = ModelParameters.of(checkpoint, manager)) {
            TrainingTask<?> task = task(tokenizer);
            List<Head> heads = task.heads();
            for (int i = 0; i < heads.size(); i++) {
                params.addHead(heads.get(i).name(), heads.get(i).outputs(), recipe.seed() + i);
            }
            int features = task.trainingFeatures().size();
            Trainer trainer = new Trainer(recipe, home.resolve(recipe.workDir()), listener);
            TrainingState state = trainer.train(task, params, FROZEN.negate(), resume);
            ModelArtifact model = ModelArtifact.save(home.resolve(recipe.output()), params.toCheckpoint(), recipe.task(), base,
                    heads, recipe.maxLength(), recipe.stride(), FROZEN.negate());
            Result result = new Result(state, model, features, params.trainableCount());
            TrainingReport.write(model.dir().resolve(TrainingReport.FILE), recipe, result);
            return result;
        }
    }

    private TrainingTask<?> task(TextTokenizer tokenizer) {
        List<QaExample> all = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        for (Recipe.DataSource source : recipe.data()) {
            List<QaExample> examples = TrainingData.load(loader, home, source);
            all.addAll(examples);
            examples.forEach(e -> repeats.add(Math.max(1, source.repeat())));
        }
        // a seeded share of the questions, across all sources, validates every epoch and never trains
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(recipe.seed()));
        int validationCount = Math.min(recipe.validationSize(), all.size() / 5);
        List<QaExample> validation = new ArrayList<>();
        List<QaExample> training = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            if (k < validationCount) {
                validation.add(all.get(i));
            } else {
                for (int r = 0; r < repeats.get(i); r++) {
                    training.add(all.get(i));
                }
            }
        }
        return switch (recipe.task()) {
            case "reader" -> new ReaderTask(tokenizer,
                    training.stream().map(ReaderExamples::of).flatMap(java.util.Optional::stream).toList(),
                    validation.stream().map(ReaderExamples::of).flatMap(java.util.Optional::stream).toList(),
                    recipe.seed(), 0.3);
            case "compressor" -> new CompressorTask(new CompressorFeaturizer(tokenizer, recipe.maxLength(), 64, 96),
                    compressorExamples(training), validation);
            default -> throw new IllegalArgumentException("no such task: " + recipe.task());
        };
    }

    /** The compressor's examples; SQuAD and NQ questions draw distractors from their own data set's paragraphs. */
    private List<CompressorExample> compressorExamples(List<QaExample> training) {
        java.util.Map<String, List<compactqa.corpus.Document>> pools = new java.util.HashMap<>();
        for (QaExample e : training) {
            pools.computeIfAbsent(e.dataset(), k -> new ArrayList<>()).addAll(e.paragraphs());
        }
        java.util.Map<String, Integer> negatives = new java.util.HashMap<>();
        Random random = new Random(recipe.seed() + 1);
        List<CompressorExample> examples = new ArrayList<>();
        for (QaExample e : training) {
            int n = negatives.computeIfAbsent(e.dataset(), this::negativesOf);
            examples.addAll(CompressorExamples.of(e, pools.get(e.dataset()), n, random));
        }
        return examples;
    }

    private int negativesOf(String dataset) {
        return recipe.data().stream().filter(d -> datasetOf(d).equals(dataset)).mapToInt(Recipe.DataSource::negatives)
                .findFirst().orElse(0);
    }

    private String datasetOf(Recipe.DataSource source) {
        return loader.format(home.resolve(source.path())).label();
    }
}
