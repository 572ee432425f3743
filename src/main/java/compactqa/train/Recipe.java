package compactqa.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import compactqa.model.Task;

/**
 * A training recipe, read from a YAML file under {@code models/recipes/}: everything that decides
 * what a training run produces, so that running the same recipe again reproduces it.
 *
 * @param task             {@code reader} or {@code compressor}
 * @param base             the pretrained encoder to start from, e.g. {@code all-minilm-l6-v2}
 * @param seed             seeds data order, sampling, head initialization and dropout
 * @param maxLength        tokens per sequence
 * @param stride           tokens shared by consecutive windows over a long context (reader)
 * @param batchSize        sequences per step
 * @param epochs           passes over the training data
 * @param maxSteps         stop after this many steps if positive (smoke tests)
 * @param learningRate     peak learning rate
 * @param warmupRatio      share of the steps spent warming up
 * @param weightDecay      AdamW decoupled weight decay
 * @param maxGradNorm      global gradient norm clip (0 for none)
 * @param dropout          dropout rate while training
 * @param checkpointEvery  save the training state every this many steps
 * @param validationSize   examples held out of the training data to validate on every epoch
 * @param data             the training data sets
 * @param workDir          where training state goes (checkpoints to resume from); ignored by git
 * @param output           where the finished model goes
 * @param compression      for a run that compresses a trained model by training (layer reduction),
 *                         what it compresses and how; absent for a plain training run
 * @param init             a trained model of the same task and base to continue from (a second
 *                         stage on other data); absent to start from the pretrained encoder
 * @param adapters         parameter-efficient training with Compacter adapters on the frozen base
 *                         encoder; absent for full fine-tuning
 * @param activationCompression the compressed-activation training mode: the share of each linear
 *                         layer's input width its backward pass keeps as a random projection
 *                         ({@link TorchBert#withActivationCompression}); 0 (absent) for standard training
 * @param stopAfterEpochs  end after this many epochs although the learning-rate schedule spans
 *                         {@code epochs} (a first stage that hands over to a second one while the
 *                         rate is still high, so the second stage decays it); 0 (absent) for all
 * @param committedCheckpoint a folder in the project where {@code --keep-checkpoint} writes the
 *                         latest checkpoint in a compact form to commit (half-precision trainable
 *                         weights and the training state, no optimizer state), and from which
 *                         {@code --resume} continues when the work folder holds no checkpoint (a
 *                         machine whose home folder did not come back); absent for none
 */
public record Recipe(
        Task task,
        String base,
        long seed,
        int maxLength,
        int stride,
        int batchSize,
        int epochs,
        int maxSteps,
        double learningRate,
        double warmupRatio,
        double weightDecay,
        double maxGradNorm,
        float dropout,
        int checkpointEvery,
        int validationSize,
        List<DataSource> data,
        String workDir,
        String output,
        @JsonInclude(JsonInclude.Include.NON_NULL) Compression compression,
        @JsonInclude(JsonInclude.Include.NON_NULL) String init,
        @JsonInclude(JsonInclude.Include.NON_NULL) Adapters adapters,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) double activationCompression,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int stopAfterEpochs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String committedCheckpoint) {

    /**
     * One training data set.
     *
     * @param path            the file, relative to the project folder
     * @param repeat          how many times its examples enter each epoch (oversampling small sets)
     * @param limit           use at most this many questions (0 for all), the first in file order
     * @param holdOutArticles for SQuAD: leave this many whole articles (the last in the file) out
     * @param negatives       for the compressor: distractor paragraphs sampled per question
     * @param balanceYesNo    for the reader: repeat the rarer of its yes and no questions until they
     *                        are about as many as the other, so the answer-type head learns no prior
     *                        between them from one source's skew (2Wiki's comparisons are mostly "no")
     * @param variants        for the reader: each training question also enters each epoch this many
     *                        times over a varied context ({@link ContextVariants}: its paragraphs
     *                        reordered, a distractor inserted), the data augmentation of distillation
     * @param wordVariants    for the reader: each training question also enters each epoch this many
     *                        times with words replaced by their neighbours ({@link WordSubstitution},
     *                        TinyBERT's augmentation)
     * @param evidenceContexts for the reader: each training question also enters each epoch this many
     *                        times over a context like the active compressor's output
     *                        ({@link EvidenceContexts}: kept sentences grouped by document, with
     *                        near misses and distractor sentences)
     * @param sameArticleNegatives for the compressor, on single-paragraph data (SQuAD): half the
     *                        distractor paragraphs come from the question's own article, the hard
     *                        negatives a retriever returns beside the right paragraph
     * @param comparisons     for the reader: this many yes / no questions are also made (once, and
     *                        then trained on each epoch) from the lead sentences of the source's
     *                        training paragraphs that no validation question reads
     *                        ({@link ComparisonQuestions}: "Are A and B both directors?"), half yes,
     *                        half no; they never validate
     * @param trainOnly       the source gives no validation questions: for a slice of data the
     *                        initial model already trained on, whose questions would flatter the
     *                        validation and bias the calibration fitted on it
     */
    public record DataSource(String path, int repeat, int limit, int holdOutArticles, int negatives,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean balanceYesNo,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) int variants,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) int wordVariants,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) int evidenceContexts,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean sameArticleNegatives,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) int comparisons,
                             @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean trainOnly) {

        public DataSource {
            if (variants < 0 || wordVariants < 0 || evidenceContexts < 0 || comparisons < 0) {
                throw new IllegalArgumentException(path + ": variants, word_variants, evidence_contexts and comparisons must be at least 0");
            }
        }
    }

    /**
     * Compression by training, from a trained model of the recipe's task.
     *
     * @param method         {@code theseus} (progressive module replacing), {@code bottom} (the
     *                       teacher's bottom layers fine-tuned: Theseus's baseline), {@code xtc}
     *                       (ternary or binary weights trained with distillation) or {@code heal}
     *                       (a short distillation of a factorized model in its own form)
     * @param teacher        the trained model's folder, relative to the project
     * @param student        xtc and heal: the model to start from (xtc: default the teacher; heal:
     *                       the compressed model)
     * @param layers         theseus and bottom: layers of the compact model
     * @param replaceStart   theseus: replacement probability at the first step
     * @param replaceUntil   theseus: share of the steps after which every module is replaced
     * @param bits           xtc: 2 (ternary) or 1 (binary)
     * @param distillWeight  xtc and heal: the distillation loss's share, against the task loss
     * @param temperature    xtc and heal: the distillation temperature
     * @param hiddenWeight   xtc and heal: the weight of the hidden-state loss (the student's layer outputs
     *                       against the teacher's matching ones); 0, the default, leaves it out
     */
    public record Compression(String method, String teacher, String student, int layers, double replaceStart, double replaceUntil,
                              int bits, double distillWeight, double temperature,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) double hiddenWeight) {

        public Compression {
            if (!List.of("theseus", "bottom", "xtc", "heal").contains(method)) {
                throw new IllegalArgumentException("compression method must be theseus, bottom, xtc or heal, got " + method);
            }
            if (teacher == null || teacher.isBlank()) {
                throw new IllegalArgumentException("compression needs the teacher: the trained model it starts from");
            }
            if ((method.equals("theseus") || method.equals("bottom")) && layers < 1) {
                throw new IllegalArgumentException(method + " needs the compact model's layers");
            }
            if (method.equals("xtc") && bits != 1 && bits != 2) {
                throw new IllegalArgumentException("xtc needs bits: 2 (ternary) or 1 (binary)");
            }
            if (method.equals("heal") && (student == null || student.isBlank())) {
                throw new IllegalArgumentException("heal needs the student: the factorized model to heal");
            }
            if ((method.equals("xtc") || method.equals("heal")) && (distillWeight < 0 || distillWeight > 1 || temperature <= 0)) {
                throw new IllegalArgumentException(method + " needs distill_weight in [0, 1] and a positive temperature");
            }
            if (hiddenWeight < 0 || hiddenWeight > 0 && !(method.equals("xtc") || method.equals("heal"))) {
                throw new IllegalArgumentException("hidden_weight must be non-negative, and is for xtc and heal, which distil");
            }
        }
    }

    /**
     * Compacter adapters.
     *
     * @param n          Kronecker factors per projection (slow matrices are {@code n × n})
     * @param bottleneck the adapters' inner width; a multiple of {@code n}
     */
    public record Adapters(int n, int bottleneck) {

        public Adapters {
            if (n < 1 || bottleneck < n) {
                throw new IllegalArgumentException("adapters need n of at least 1 and a bottleneck of at least n");
            }
        }
    }

    public Recipe {
        if (task == null) {
            throw new IllegalArgumentException("the recipe names no task: reader or compressor");
        }
        if (batchSize < 1 || epochs < 1 || maxLength < 32 || learningRate <= 0 || checkpointEvery < 1) {
            throw new IllegalArgumentException("recipe needs a positive batch size, epochs, learning rate and checkpoint "
                    + "interval, and max length of at least 32");
        }
        if (warmupRatio < 0 || warmupRatio > 1 || dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("warmup ratio must be in [0, 1] and dropout in [0, 1)");
        }
        data = List.copyOf(data);
        if (data.isEmpty()) {
            throw new IllegalArgumentException("recipe lists no training data");
        }
        for (DataSource d : data) {
            if ((d.variants() > 0 || d.wordVariants() > 0 || d.evidenceContexts() > 0 || d.comparisons() > 0) && task != Task.READER) {
                throw new IllegalArgumentException(d.path() + ": variants, word_variants, evidence_contexts and comparisons are for the reader");
            }
            // the data policy: the development benchmarks never train anything
            if (d.path().matches(".*(dev-500|dev-fullwiki-500|dev-distractor-sample)[^/]*$")) {
                throw new IllegalArgumentException(d.path() + " is a development benchmark and may not be trained on");
            }
        }
        if (workDir == null || workDir.isBlank() || workDir.strip().equals(".") || output == null || output.isBlank()
                || output.strip().equals(".")) {
            throw new IllegalArgumentException("recipe needs its own work_dir and output folders");
        }
        if (stopAfterEpochs < 0 || stopAfterEpochs > epochs) {
            throw new IllegalArgumentException("stop_after_epochs must be in [0, epochs]");
        }
        if (activationCompression < 0 || activationCompression >= 1) {
            throw new IllegalArgumentException("activation_compression must be in [0, 1)");
        }
        if (stride < 0 || stride >= maxLength / 2 || validationSize < 0 || maxGradNorm < 0 || weightDecay < 0) {
            throw new IllegalArgumentException("recipe needs stride in [0, max_length/2) and non-negative validation size, "
                    + "gradient clip and weight decay");
        }
    }

    /**
     * This recipe stopped after {@code steps} steps, its model and checkpoints in folders suffixed
     * {@code -steps-N}: a shortened run never overwrites the recipe's own.
     */
    public Recipe shortened(int steps) {
        String suffix = "-steps-" + steps;
        return new Recipe(task, base, seed, maxLength, stride, batchSize, epochs, steps, learningRate, warmupRatio, weightDecay,
                maxGradNorm, dropout, checkpointEvery, validationSize, data, workDir + suffix, output + suffix, compression, init,
                adapters, activationCompression, stopAfterEpochs, null);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads a recipe file; unknown keys are errors, so that a typo cannot silently change a run. */
    public static Recipe read(Path file) throws IOException {
        try {
            return YAML.readValue(file.toFile(), Recipe.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The work folder: {@code ~/...} under the user's home, where checkpoints outlive a fresh work
     * tree; otherwise relative to {@code home}, the project.
     */
    public Path workDir(Path home) {
        return resolve(home, workDir);
    }

    /** The output folder, resolved as {@link #workDir(Path)} is (an intermediate model may live under {@code ~/.cache}). */
    public Path output(Path home) {
        return resolve(home, output);
    }

    /** The committed checkpoint's folder, resolved as {@link #workDir(Path)} is; null for none. */
    public Path committedCheckpoint(Path home) {
        return committedCheckpoint == null ? null : resolve(home, committedCheckpoint);
    }

    /** The model this recipe continues from, resolved as {@link #workDir(Path)} is; null for none. */
    public Path init(Path home) {
        return init == null ? null : resolve(home, init);
    }

    /** {@code folder} under the user's home if it starts with {@code ~/}, else under {@code home}. */
    public static Path resolve(Path home, String folder) {
        String dir = folder.strip();
        if (dir.equals("~") || dir.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(dir.substring(1).replaceFirst("^/", ""));
        }
        return home.resolve(dir);
    }

    /**
     * Whether a checkpoint made under {@code savedYaml} continues this recipe: the same recipe but
     * perhaps a different {@code output} (where the result goes, not what it is),
     * {@code stop_after_epochs} (when the run ends, not what its steps so far did) or the folder of
     * {@code init} (the model the first step started from, which the checkpoint's weights have
     * replaced; a first stage's model may move, say from the work tree to the cache). Whether there
     * is an init at all still counts.
     */
    public boolean continues(String savedYaml) {
        try {
            Recipe saved = YAML.readValue(savedYaml, Recipe.class);
            return saved.withOutput("any", 0).toYaml().equals(withOutput("any", 0).toYaml());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return false;
        }
    }

    private Recipe withOutput(String where, int stopAfter) {
        return new Recipe(task, base, seed, maxLength, stride, batchSize, epochs, maxSteps, learningRate, warmupRatio, weightDecay,
                maxGradNorm, dropout, checkpointEvery, validationSize, data, workDir, where, compression, init == null ? null : "any", adapters,
                activationCompression, stopAfter, null);
    }

    public String toYaml() {
        try {
            return YAML.writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
