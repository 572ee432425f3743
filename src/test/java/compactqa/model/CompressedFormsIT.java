package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each compressed linear form computes what the weight it stands for computes: MiniLM with one
 * form in place of a layer (or of the word embeddings) against MiniLM with that form's weight
 * written out densely, on ONNX Runtime.
 */
class CompressedFormsIT {

    private static final String LAYER = "encoder.layer.1.intermediate.dense";
    private static final EncoderOptions PLAIN = new EncoderOptions(512, 128, 2, "none");

    @TempDir
    static Path tmp;

    static Checkpoint base;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ModelCache.openOnnx(PretrainedEncoder.MINILM_L6)) {
            base = new OnnxImporter().read(in, PretrainedEncoder.MINILM_L6.config());
        }
    }

    /** {@code base} with {@code remove} taken out and {@code add} put in. */
    private static Checkpoint edited(String remove, Map<String, Tensor> add) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(base.tensors());
        tensors.remove(remove);
        tensors.putAll(add);
        return new Checkpoint(base.config(), tensors).validate();
    }

    /** The max abs difference of the last hidden states of the two checkpoints' graphs. */
    private static double diff(Checkpoint dense, Checkpoint compressed, String name) throws IOException {
        Path a = tmp.resolve(name + "-dense.onnx");
        Path b = tmp.resolve(name + "-compressed.onnx");
        Files.write(a, new BertOnnxExporter().export(dense, List.of(), LinearForms.of(dense, Precision.FP32), false).toByteArray());
        Files.write(b, new BertOnnxExporter().export(compressed, List.of(), LinearForms.of(compressed, Precision.FP32), false).toByteArray());
        try (Encoder x = Encoder.open(a, EncoderParityIT.CACHE.tokenizer(PretrainedEncoder.MINILM_L6), PLAIN);
             Encoder y = Encoder.open(b, EncoderParityIT.CACHE.tokenizer(PretrainedEncoder.MINILM_L6), PLAIN)) {
            List<TokenizedText> batch = new ArrayList<>(EncoderParityIT.SENTENCES.stream().map(x::tokenize).toList());
            return HiddenStates.maxAbsDiff(x.run(batch).get("last_hidden_state"), y.run(batch).get("last_hidden_state"), batch);
        }
    }

    private static Tensor identity(int n) {
        float[] v = new float[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        return Tensor.ofFloats(new long[] {n, n}, v);
    }

    @Test
    void lowRankFactorsComputeTheirProduct() throws IOException {
        Tensor w = base.tensor(LAYER + ".weight"); // [1536, 384] = W · I
        Checkpoint lowRank = edited(LAYER + ".weight", Map.of(LAYER + LowRankLinear.U, w, LAYER + LowRankLinear.V, identity(384)));
        double d = diff(base, lowRank, "lowrank");
        assertTrue(d <= 1e-4, "max abs diff " + d);
    }

    @Test
    void mpoCoresComputeTheirContraction() throws IOException {
        Random random = new Random(3);
        // out 1536 = 8·12·16, in 384 = 8·6·8, bonds 4 and 5
        long[][] shapes = {{1, 8, 8, 4}, {4, 12, 6, 5}, {5, 16, 8, 1}};
        Map<String, Tensor> cores = new LinkedHashMap<>();
        List<Tensor> chain = new ArrayList<>();
        for (int k = 0; k < shapes.length; k++) {
            float[] v = new float[(int) (shapes[k][0] * shapes[k][1] * shapes[k][2] * shapes[k][3])];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * 0.1);
            }
            Tensor core = Tensor.ofFloats(shapes[k], v);
            chain.add(core);
            cores.put(LAYER + MpoLinear.core(k), core);
        }
        Checkpoint dense = edited(LAYER + ".weight", Map.of(LAYER + ".weight", MpoLinear.contract(chain)));
        double d = diff(dense, edited(LAYER + ".weight", cores), "mpo");
        assertTrue(d <= 1e-3, "max abs diff " + d);
    }

    @Test
    void layersSharingABasisComputeTheirCodesTimesTheBasisHeldOnce() throws IOException {
        String other = "encoder.layer.0.intermediate.dense";
        Map<String, Tensor> tensors = new LinkedHashMap<>(base.tensors());
        for (String layer : List.of(LAYER, other)) {
            tensors.put(layer + SharedBasisLinear.CODES, tensors.remove(layer + ".weight")); // W · I
        }
        tensors.put(SharedBasisLinear.basis("intermediate.dense"), identity(384));
        Checkpoint shared = new Checkpoint(base.config(), tensors).validate();
        double d = diff(base, shared, "shared");
        assertTrue(d <= 1e-4, "max abs diff " + d);
        long copies = new BertOnnxExporter().export(shared, List.of(), LinearForms.of(shared, Precision.FP32), false).getGraph()
                .getInitializerList().stream().filter(t -> t.getName().startsWith(SharedBasisLinear.basis("intermediate.dense"))).count();
        assertEquals(1, copies, "the graph holds the shared basis once");
    }

    @Test
    void mpoChainsCostlierThanTheDenseProductAreWrittenContracted() throws IOException {
        Random random = new Random(4);
        long[][] shapes = {{1, 8, 8, 64}, {64, 12, 6, 48}, {48, 16, 8, 1}};
        Map<String, Tensor> cores = new LinkedHashMap<>();
        List<Tensor> chain = new ArrayList<>();
        for (int k = 0; k < shapes.length; k++) {
            float[] v = new float[(int) (shapes[k][0] * shapes[k][1] * shapes[k][2] * shapes[k][3])];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * 0.02);
            }
            Tensor core = Tensor.ofFloats(shapes[k], v);
            chain.add(core);
            cores.put(LAYER + MpoLinear.core(k), core);
        }
        assertTrue(MpoLinear.chainCost(chain) > 1536L * 384, "this chain costs more than the dense product");
        Checkpoint mpo = edited(LAYER + ".weight", cores);
        Checkpoint dense = edited(LAYER + ".weight", Map.of(LAYER + ".weight", MpoLinear.contract(chain)));
        double d = diff(dense, mpo, "mpo-contracted");
        assertTrue(d <= 1e-4, "max abs diff " + d);
        assertTrue(new BertOnnxExporter().export(mpo, List.of(), LinearForms.of(mpo, Precision.FP32), false).getGraph().getNodeList()
                .stream().anyMatch(n -> n.getName().contains("mpo_contracted") || n.getOutputList().stream().anyMatch(o -> o.contains("mpo_contracted"))),
                "written as one product");
    }

    @Test
    void int4BlocksComputeTheirDequantizedWeight() throws IOException {
        Int4BlockLinear.Quantized q = Int4BlockLinear.quantize(base.tensor(LAYER + ".weight"));
        Checkpoint dense = edited(LAYER + ".weight", Map.of(LAYER + ".weight", Int4BlockLinear.dequantize(q)));
        Checkpoint int4 = edited(LAYER + ".weight", Map.of(LAYER + Int4BlockLinear.CODES, q.codes(), LAYER + Int4BlockLinear.SCALES,
                q.scales()));
        double d = diff(dense, int4, "int4");
        assertTrue(d <= 1e-3, "max abs diff " + d);
    }

    @Test
    void compressedWordEmbeddingsGiveTheirRows() throws IOException {
        String words = BertNames.WORD_EMBEDDINGS;
        Tensor e = base.tensor(words);
        double lowRank = diff(base, edited(words, Map.of(words + ".u", e, words + ".v", identity(384))), "emb-lowrank");
        assertTrue(lowRank <= 1e-4, "low-rank embeddings: max abs diff " + lowRank);

        // int8 rows with a scale each, against the same rows dequantized
        int vocab = (int) e.dim(0);
        int hidden = (int) e.dim(1);
        float[] v = e.floats();
        byte[] codes = new byte[v.length];
        float[] scales = new float[vocab];
        float[] dequantized = new float[v.length];
        for (int r = 0; r < vocab; r++) {
            float max = 0;
            for (int h = 0; h < hidden; h++) {
                max = Math.max(max, Math.abs(v[r * hidden + h]));
            }
            scales[r] = max == 0 ? 1 : max / 127f;
            for (int h = 0; h < hidden; h++) {
                codes[r * hidden + h] = (byte) Math.round(v[r * hidden + h] / scales[r]);
                dequantized[r * hidden + h] = codes[r * hidden + h] * scales[r];
            }
        }
        Checkpoint dense = edited(words, Map.of(words, Tensor.ofFloats(e.shape(), dequantized)));
        Checkpoint int8 = edited(words, Map.of(words + ".q8", Tensor.ofBytes(e.shape(), codes),
                words + ".q8_scale", Tensor.ofFloats(new long[] {vocab}, scales)));
        double d = diff(dense, int8, "emb-int8");
        assertTrue(d <= 1e-4, "int8 embeddings: max abs diff " + d);
    }
}
