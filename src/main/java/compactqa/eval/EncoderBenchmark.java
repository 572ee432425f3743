package compactqa.eval;

import java.io.IOException;
import java.io.InputStream;
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

import compactqa.model.BertOnnxExporter;
import compactqa.model.Checkpoint;
import compactqa.model.Encoder;
import compactqa.model.EncoderOptions;
import compactqa.model.FloatArray;
import compactqa.model.HiddenStates;
import compactqa.model.ModelCache;
import compactqa.model.OnnxImporter;
import compactqa.model.PretrainedEncoder;
import compactqa.model.TokenizedText;

/**
 * Encoder latency on ONNX Runtime: the jar graphs (fp32 and int8) against the graphs this project
 * exports from their imported checkpoints, in standard operators and with ONNX Runtime's fused
 * attention and normalization, measured in one run with the calls interleaved, so that the
 * machine's drifting load falls on all of them alike. Also records the exported graphs' parity
 * with the originals and the int8 graph's closeness to fp32 on real sentences.
 *
 * <p>Inputs are seeded random token ids of exactly the benchmarked length ({@code [CLS] ... [SEP]},
 * no padding): latency does not depend on which tokens they are.
 */
public final class EncoderBenchmark {

    /** Batch × sequence shapes measured, and how many timed calls each gets (before scaling). */
    public static final List<int[]> SHAPES = List.of(new int[] {1, 128, 60}, new int[] {1, 384, 30}, new int[] {8, 256, 12});
    private static final int WARM_UP = 3;

    /** One graph in the comparison. */
    private record Candidate(String model, String graph, String precision, Encoder encoder) {
    }

    /**
     * Runs the benchmark.
     *
     * @param encoders  which base encoders (fp32) to compare; MiniLM also brings its int8 jar graph
     * @param repsScale multiplies the timed calls per shape (1 for the recorded run; less for a quick look)
     * @param workDir   a folder for the exported graphs
     */
    public EncoderBenchResult run(List<PretrainedEncoder> encoders, ModelCache cache, EncoderOptions options,
                                  double repsScale, Path workDir, RunInfo run, PrintWriter log) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Double> parity = new LinkedHashMap<>();
        Double int8Cosine = null;
        try {
            for (PretrainedEncoder base : encoders) {
                Encoder original = Encoder.open(base, cache, options);
                candidates.add(new Candidate(base.id(), "jar", "fp32", original));
                for (boolean fused : new boolean[] {false, true}) {
                    String graph = fused ? "exported-fused" : "exported";
                    Encoder ours = Encoder.open(export(base, workDir, fused), cache.tokenizer(base), options);
                    candidates.add(new Candidate(base.id(), graph, "fp32", ours));
                    parity.put(base.id() + " " + graph, maxAbsDiff(original, ours));
                    log.printf("%s: %s graph's max abs diff from the jar graph %.2e%n", base.id(), graph,
                            parity.get(base.id() + " " + graph));
                }
                if (base == PretrainedEncoder.MINILM_L6) {
                    Encoder int8 = Encoder.open(PretrainedEncoder.MINILM_L6_INT8, cache, options);
                    candidates.add(new Candidate(base.id(), "jar", "int8", int8));
                    int8Cosine = meanCosine(original, int8);
                    log.printf("%s: int8 jar graph's mean per-token cosine to fp32 %.4f%n", base.id(), int8Cosine);
                }
            }
            List<EncoderBenchResult.Row> rows = new ArrayList<>();
            Random random = new Random(20261122);
            for (int[] shape : SHAPES) {
                int batch = shape[0];
                int seq = shape[1];
                int reps = Math.max(3, (int) Math.round(shape[2] * repsScale));
                long[] ids = randomIds(random, batch, seq);
                long[] mask = new long[batch * seq];
                Arrays.fill(mask, 1);
                long[] types = new long[batch * seq];
                for (Candidate c : candidates) {
                    for (int i = 0; i < WARM_UP; i++) {
                        c.encoder().run(ids, mask, types, batch, seq);
                    }
                }
                double[][] millis = new double[candidates.size()][reps];
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < candidates.size(); i++) {
                    order.add(i);
                }
                for (int r = 0; r < reps; r++) {
                    // a fresh seeded order every round: no graph always runs first, or after the same neighbour
                    Collections.shuffle(order, random);
                    for (int i : order) {
                        long start = System.nanoTime();
                        candidates.get(i).encoder().run(ids, mask, types, batch, seq);
                        millis[i][r] = (System.nanoTime() - start) / 1e6;
                    }
                }
                for (int i = 0; i < candidates.size(); i++) {
                    Candidate c = candidates.get(i);
                    EncoderBenchResult.Row row = EncoderBenchResult.Row.of(c.model(), c.graph(), c.precision(), batch, seq, millis[i]);
                    rows.add(row);
                    log.printf("%-18s %-14s %-4s %d x %-3d p50 %7.1f ms  p95 %7.1f ms  %,8.0f tokens/s%n", c.model(), c.graph(),
                            c.precision(), batch, seq, row.p50Ms(), row.p95Ms(), row.tokensPerS());
                }
            }
            return new EncoderBenchResult(run.command(), run.commit(), run.date(), run.java(), run.cpus(), options.threads(),
                    options.optimization(), rows, parity, int8Cosine, EncoderBenchResult.ratios(rows));
        } finally {
            for (Candidate c : candidates) {
                c.encoder().close();
            }
        }
    }

    private static Path export(PretrainedEncoder base, Path workDir, boolean fused) throws IOException {
        Checkpoint checkpoint;
        try (InputStream in = ModelCache.openOnnx(base)) {
            checkpoint = new OnnxImporter().read(in, base.config());
        }
        Path file = workDir.resolve(base.id() + (fused ? "-fused" : "") + ".onnx");
        Files.write(file, new BertOnnxExporter().export(checkpoint, List.of(), BertOnnxExporter.DENSE, fused).toByteArray());
        return file;
    }

    private static long[] randomIds(Random random, int batch, int seq) {
        long[] ids = new long[batch * seq];
        for (int r = 0; r < batch; r++) {
            for (int t = 0; t < seq; t++) {
                ids[r * seq + t] = t == 0 ? 101 : t == seq - 1 ? 102 : 1000 + random.nextInt(29000);
            }
        }
        return ids;
    }

    /** Real sentences of different lengths, batched with padding, as the parity test uses. */
    static final List<String> SENTENCES = List.of(
            "Shirley Temple Black was an American actress, singer, dancer, businesswoman, and diplomat.",
            "As an adult, she was named United States ambassador to Ghana and to Czechoslovakia.",
            "Who portrayed Corliss Archer in the film Kiss and Tell?",
            "The Eiffel Tower is named after the engineer Gustave Eiffel, whose company designed and built it.",
            "Yes.");

    private static double maxAbsDiff(Encoder a, Encoder b) {
        List<TokenizedText> batch = SENTENCES.stream().map(a::tokenize).toList();
        return HiddenStates.maxAbsDiff(hidden(a, batch), hidden(b, batch), batch);
    }

    private static double meanCosine(Encoder a, Encoder b) {
        List<TokenizedText> batch = SENTENCES.stream().map(a::tokenize).toList();
        return HiddenStates.meanCosine(hidden(a, batch), hidden(b, batch), batch);
    }

    private static FloatArray hidden(Encoder e, List<TokenizedText> batch) {
        return e.run(batch).get("last_hidden_state");
    }
}
