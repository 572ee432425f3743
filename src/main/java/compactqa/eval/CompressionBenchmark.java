package compactqa.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import compactqa.dataset.QaExample;
import compactqa.index.IndexStore;
import compactqa.metrics.AnswerMetrics;
import compactqa.metrics.ScoreMean;
import compactqa.metrics.Latencies;
import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.CompressorModel;
import compactqa.model.Encoder;
import compactqa.model.EncoderOptions;
import compactqa.model.LinearForms;
import compactqa.model.ModelArtifact;
import compactqa.model.ModelCache;
import compactqa.model.Precision;
import compactqa.model.ReaderModel;
import compactqa.model.Task;

/**
 * Measures a compressed model against its original in one run: the task metrics of both (a
 * reader's F1 on the held-out SQuAD articles and on HotpotQA dev-500 with the gold paragraphs; a
 * compressor's paragraph recall at 2 on dev-500), the latency of one encoder call at 1×384 and
 * 8×256 with the two models' calls interleaved (so the machine's drifting load falls on both), and
 * the sizes on disk.
 */
public final class CompressionBenchmark {

    /** Batch × sequence shapes timed, and timed calls per shape. */
    static final List<int[]> SHAPES = List.of(new int[] {1, 384, 40}, new int[] {8, 256, 12});
    private static final int WARM_UP = 3;
    private static final int PROGRESS_EVERY = 250;

    /** The questions the metrics are measured on. */
    public record Data(List<QaExample> squadHeldOut, List<QaExample> hotpotDev, int limit) {

        <T> List<T> limited(List<T> items) {
            return limit > 0 && items.size() > limit ? items.subList(0, limit) : items;
        }
    }

    public CompressionBenchResult run(String name, String method, ModelArtifact original, ModelArtifact compressed, Data data, ModelCache cache,
                                 EncoderOptions options, RunInfo run, PrintWriter log) throws IOException {
        String task = original.manifest().task().id();
        int[] questions = new int[1];
        Map<String, Double> beforePrefix = new LinkedHashMap<>();
        Map<String, Double> afterPrefix = new LinkedHashMap<>();
        Map<String, Double> before = metrics(original, data, cache, options, questions, beforePrefix, log);
        log.printf("original:   %s%n", before);
        log.flush();
        Map<String, Double> after = metrics(compressed, data, cache, options, questions, afterPrefix, log);
        log.printf("compressed: %s%n", after);
        log.flush();
        Map<String, Map<String, Double>> latency = latency(original, compressed, cache, options);
        log.printf("p50 ms original %s, compressed %s%n", latency.get("original"), latency.get("compressed"));
        Checkpoint checkpoint = compressed.checkpoint();
        Checkpoint originalCheckpoint = original.checkpoint();
        long originalDisk = fp32Bytes(originalCheckpoint);
        long disk = folderBytes(compressed.dir());
        Map<String, Double> relative = new LinkedHashMap<>();
        relative.put("disk_share", round(disk / (double) originalDisk, 4));
        latency.get("original").forEach((shape, ms) -> relative.put("speedup_" + shape, round(ms / latency.get("compressed").get(shape), 3)));
        before.forEach((metric, value) -> {
            if (!metric.endsWith("_em") && value > 0) { // retention of what the task is judged by
                relative.put(metric + "_retention", round(after.get(metric) / value, 4));
            }
        });
        CompressionBenchResult.Training trainedBefore = CompressionBenchResult.Training.read(original.dir());
        CompressionBenchResult.Training trainedAfter = CompressionBenchResult.Training.read(compressed.dir());
        if (trainedAfter != null && trainedAfter.trainableParameters() > 0) {
            // of all the original's parameters: what a parameter-efficient method is judged by (Compacter's ≤ 1%)
            relative.put("trainable_share", round(trainedAfter.trainableParameters() / (double) originalCheckpoint.parameters(), 5));
        }
        if (trainedBefore != null && trainedAfter != null && trainedBefore.measuredSteps() && trainedAfter.measuredSteps()) {
            relative.put("peak_step_memory_share", round(trainedAfter.peakStepBytes() / (double) trainedBefore.peakStepBytes(), 4));
            relative.put("training_seconds_ratio", round(trainedAfter.seconds() / trainedBefore.seconds(), 4));
        }
        Map<String, String> layers = new LinkedHashMap<>();
        BertNames.linearLayers(checkpoint.config()).forEach(layer -> layers.put(layer, LinearForms.describe(checkpoint, layer)));
        String words = BertNames.WORD_EMBEDDINGS;
        String embeddings = checkpoint.has(words) ? "dense" : checkpoint.has(words + ".u")
                ? "rank " + checkpoint.tensor(words + ".u").dim(1) : checkpoint.has(words + ".q8") ? "int8 rows" : "int4 rows on disk";
        return new CompressionBenchResult(run.command(), run.commit(), run.date(), run.java(), run.cpus(), options.threads(), name, original.dir().getFileName().toString(),
                task, method, compressed.manifest().compression(), questions[0], disk,
                Files.size(compressed.onnx(cache, Precision.FP32)), latency.get("compressed"), after,
                new CompressionBenchResult.Side(originalDisk, Files.size(original.onnx(cache, Precision.FP32)), latency.get("original"), before,
                        trainedBefore),
                relative, layers, embeddings, trainedAfter,
                afterPrefix.isEmpty() ? null : new CompressionBenchResult.Prefix(prefixQuestions(data), afterPrefix, beforePrefix));
    }

    /** Questions the prefix figures count, over both sets (0 where the run is no larger). */
    private static int prefixQuestions(Data data) {
        return Math.min(ResultVerifier.PREFIX_QUESTIONS, ReaderEvaluation.oracle(data.squadHeldOut()).size())
                + Math.min(ResultVerifier.PREFIX_QUESTIONS, ReaderEvaluation.oracle(data.hotpotDev()).size());
    }

    /**
     * The task metrics of {@code model}, keyed as its {@code metrics.json} keys them; the same over
     * the first {@link ResultVerifier#PREFIX_QUESTIONS} questions of each set go into {@code prefix}
     * where the sets are larger, for {@code qa eval verify} to reproduce at that size.
     */
    private static Map<String, Double> metrics(ModelArtifact model, Data data, ModelCache cache, EncoderOptions options,
                                               int[] questions, Map<String, Double> prefix, PrintWriter log) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (model.manifest().task() == Task.READER) {
            try (ReaderModel reader = ReaderModel.open(model, cache, options, Precision.FP32)) {
                List<ReaderEvaluation.Item> squadItems = data.limited(ReaderEvaluation.oracle(data.squadHeldOut()));
                List<ReaderEvaluation.Item> devItems = data.limited(ReaderEvaluation.oracle(data.hotpotDev()));
                ScoreMean squadPrefix = new ScoreMean();
                ScoreMean devPrefix = new ScoreMean();
                ReaderEvaluation.Result squad = ReaderEvaluation.run(reader, squadItems, AnswerMetrics.Script.SQUAD,
                        first(squadPrefix).andThen(ReaderEvaluation.progress("SQuAD held-out", squadItems.size(), PROGRESS_EVERY, log)));
                ReaderEvaluation.Result dev = ReaderEvaluation.run(reader, devItems, AnswerMetrics.Script.HOTPOTQA,
                        first(devPrefix).andThen(ReaderEvaluation.progress("HotpotQA dev-500 oracle", devItems.size(), PROGRESS_EVERY, log)));
                m.put("squad_heldout_f1", squad.f1());
                m.put("hotpotqa_dev500_oracle_f1", dev.f1());
                m.put("squad_heldout_em", squad.em());
                m.put("hotpotqa_dev500_oracle_em", dev.em());
                questions[0] = squad.questions() + dev.questions();
                if (squadItems.size() > ResultVerifier.PREFIX_QUESTIONS || devItems.size() > ResultVerifier.PREFIX_QUESTIONS) {
                    ReaderEvaluation.Result s = ReaderEvaluation.part(squadPrefix, 0);
                    ReaderEvaluation.Result d = ReaderEvaluation.part(devPrefix, 0);
                    prefix.put("squad_heldout_f1", s.f1());
                    prefix.put("hotpotqa_dev500_oracle_f1", d.f1());
                    prefix.put("squad_heldout_em", s.em());
                    prefix.put("hotpotqa_dev500_oracle_em", d.em());
                }
            }
        } else {
            try (CompressorModel compressor = CompressorModel.open(model, cache, options, Precision.FP32)) {
                List<QaExample> dev = data.limited(data.hotpotDev());
                CompressorEvaluation.Result r = CompressorEvaluation.run(compressor, dev, log);
                m.put("hotpotqa_dev500_sp_para_recall_at2", round(r.paraRecallAt2(), 4));
                m.put("hotpotqa_dev500_sp_para_recall_at2_two_step", round(r.paraRecallAt2TwoStep(), 4));
                questions[0] = r.questions();
                if (dev.size() > ResultVerifier.PREFIX_QUESTIONS) {
                    CompressorEvaluation.Result p = CompressorEvaluation.run(compressor, dev.subList(0, ResultVerifier.PREFIX_QUESTIONS), log);
                    prefix.put("hotpotqa_dev500_sp_para_recall_at2", round(p.paraRecallAt2(), 4));
                    prefix.put("hotpotqa_dev500_sp_para_recall_at2_two_step", round(p.paraRecallAt2TwoStep(), 4));
                }
            }
        }
        return m;
    }

    /** A sink gathering the scores of the first {@link ResultVerifier#PREFIX_QUESTIONS} answers into {@code mean}. */
    private static ReaderEvaluation.Sink first(ScoreMean mean) {
        return (item, prediction, score) -> {
            if (mean.count() < ResultVerifier.PREFIX_QUESTIONS) {
                mean.add(score);
            }
        };
    }

    /**
     * p50 milliseconds per shape of both models' graphs, their calls interleaved in a seeded order:
     * at the configured threads, keyed {@code 1x384}, and (when that is not 1) at one thread too,
     * keyed {@code 1x384_1t}. int8 gains more at one thread (its smaller products leave less work to
     * split), and one thread per request is how a loaded service runs, so both are reported.
     */
    private static Map<String, Map<String, Double>> latency(ModelArtifact original, ModelArtifact compressed, ModelCache cache,
                                                            EncoderOptions options) throws IOException {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        out.put("original", new LinkedHashMap<>());
        out.put("compressed", new LinkedHashMap<>());
        for (int threads : options.threads() == 1 ? List.of(1) : List.of(options.threads(), 1)) {
            String suffix = threads == options.threads() ? "" : "_" + threads + "t";
            try (Encoder a = original.open(cache, options.withThreads(threads), Precision.FP32);
                 Encoder b = compressed.open(cache, options.withThreads(threads), Precision.FP32)) {
                List<Encoder> encoders = List.of(a, b);
                Random random = new Random(20261201);
                for (int[] shape : SHAPES) {
                    double[][] ms = time(encoders, shape, random);
                    String key = shape[0] + "x" + shape[1] + suffix;
                    out.get("original").put(key, p50(ms[0]));
                    out.get("compressed").put(key, p50(ms[1]));
                }
            }
        }
        return out;
    }

    /** Milliseconds of each encoder's calls on random ids of {@code shape}, after a warm-up, in shuffled pairs. */
    private static double[][] time(List<Encoder> encoders, int[] shape, Random random) {
        int batch = shape[0];
        int seq = shape[1];
        long[] ids = new long[batch * seq];
        for (int i = 0; i < ids.length; i++) {
            int t = i % seq;
            ids[i] = t == 0 ? 101 : t == seq - 1 ? 102 : 1000 + random.nextInt(29000);
        }
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        long[] types = new long[ids.length];
        for (Encoder e : encoders) {
            for (int w = 0; w < WARM_UP; w++) {
                e.run(ids, mask, types, batch, seq);
            }
        }
        double[][] ms = new double[encoders.size()][shape[2]];
        List<Integer> order = new ArrayList<>(List.of(0, 1));
        for (int r = 0; r < shape[2]; r++) {
            Collections.shuffle(order, random);
            for (int i : order) {
                long start = System.nanoTime();
                encoders.get(i).run(ids, mask, types, batch, seq);
                ms[i][r] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    private static double p50(double[] ms) {
        return round(Latencies.of(ms).percentile(0.5), 2);
    }

    /** The size of {@code checkpoint} saved whole in fp32, measured by saving it. */
    private static long fp32Bytes(Checkpoint checkpoint) throws IOException {
        Path dir = Files.createTempDirectory("compactqa-fp32-");
        try {
            checkpoint.save(dir.resolve("model"));
            return folderBytes(dir.resolve("model"));
        } finally {
            IndexStore.deleteTree(dir);
        }
    }

    static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }

    private static double round(double x, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(x * scale) / scale;
    }
}
