package compactqa.model;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * Writes a BERT encoder graph from a {@link Checkpoint}, with optional task {@link Head}s.
 *
 * <p>Inputs {@code input_ids}, {@code attention_mask}, {@code token_type_ids} (int64,
 * {@code [batch, sequence]}); outputs {@code last_hidden_state} ({@code [batch, sequence, hidden]})
 * and one per head. The computation is the Hugging Face {@code BertModel}'s, operator for operator
 * where it matters for equality (attention scores divided by √d, GELU as {@code x·½·(1+erf(x/√2))}),
 * with opset 17's {@code LayerNormalization} for the normalizations. Each linear layer is written by
 * the {@link LinearForm} the caller chooses for it. Stateless and thread-safe.
 */
public final class BertOnnxExporter {

    /**
     * The revision of the graphs this exporter writes. Cached graphs carry it in their file names,
     * so a change to what the exporter writes (a new fused form, say) is not hidden by an old file.
     */
    public static final int GRAPH_REVISION = 2;

    /** A large negative added to the attention scores of padding, so that softmax gives them zero weight. */
    static final float MASKED = -10000f;

    /** Every linear layer dense. */
    public static final Function<String, LinearForm> DENSE = name -> DenseLinear.INSTANCE;

    /** The graph of {@code checkpoint} with {@code heads}, each linear layer in the form {@code forms} gives. */
    public ModelProto export(Checkpoint checkpoint, List<Head> heads, Function<String, LinearForm> forms) {
        return export(checkpoint, heads, forms, true);
    }

    /**
     * As {@link #export(Checkpoint, List, Function)}; with {@code fused}, self-attention whose query,
     * key and value are dense is written as ONNX Runtime's fused {@code com.microsoft.Attention}
     * (one packed QKV product, no per-head reshapes in the graph) and every residual addition with
     * its LayerNorm as {@code com.microsoft.SkipLayerNormalization}.
     */
    public ModelProto export(Checkpoint checkpoint, List<Head> heads, Function<String, LinearForm> forms, boolean fused) {
        EncoderConfig c = checkpoint.config();
        OnnxGraph g = new OnnxGraph("compactqa_bert");
        g.input("input_ids", TensorProto.DataType.INT64, "batch", "sequence");
        g.input("attention_mask", TensorProto.DataType.INT64, "batch", "sequence");
        g.input("token_type_ids", TensorProto.DataType.INT64, "batch", "sequence");

        String hidden = embeddings(g, checkpoint);
        Mask mask = new Mask(g);
        for (int l = 0; l < c.layers(); l++) {
            hidden = layer(g, checkpoint, l, hidden, mask, forms, fused);
        }
        g.nodeWithOutputs("Identity", "", List.of(hidden), List.of("last_hidden_state"), Map.of());
        g.output("last_hidden_state", TensorProto.DataType.FLOAT, "batch", "sequence", c.hidden());

        for (Head head : heads) {
            String input = hidden;
            if (head.pooling() == Head.Pooling.CLS) {
                input = g.node("Gather", head.layer() + "/cls", List.of(hidden, g.longScalar("zero", 0)), Map.of("axis", 1));
            }
            String out = forms.apply(head.layer()).emit(g, checkpoint, head.layer(), input);
            g.nodeWithOutputs("Identity", "", List.of(out), List.of(head.name()), Map.of());
            if (head.pooling() == Head.Pooling.CLS) {
                g.output(head.name(), TensorProto.DataType.FLOAT, "batch", head.outputs());
            } else {
                g.output(head.name(), TensorProto.DataType.FLOAT, "batch", "sequence", head.outputs());
            }
        }
        return g.build("compactqa");
    }

    private static String embeddings(OnnxGraph g, Checkpoint ck) {
        String words = wordEmbeddings(g, ck);
        String length = g.node("Gather", "embeddings/length", List.of(
                g.node("Shape", "embeddings/shape", List.of("input_ids")), g.longScalar("one", 1)), Map.of("axis", 0));
        String positions = g.node("Range", "embeddings/position_ids", List.of(g.longScalar("zero", 0), length,
                g.longScalar("one", 1)));
        String positionVectors = g.node("Gather", "embeddings/positions", List.of(
                g.initializer(BertNames.POSITION_EMBEDDINGS, ck.tensor(BertNames.POSITION_EMBEDDINGS)), positions));
        String types = g.node("Gather", "embeddings/types", List.of(
                g.initializer(BertNames.TYPE_EMBEDDINGS, ck.tensor(BertNames.TYPE_EMBEDDINGS)), "token_type_ids"));
        String sum = g.node("Add", "embeddings/sum", List.of(g.node("Add", "embeddings/sum", List.of(words, types)),
                positionVectors));
        return layerNorm(g, ck, BertNames.EMBEDDINGS_NORM, sum);
    }

    /**
     * The input's word vectors: gathered from the plain matrix, or from its compressed forms, low-rank
     * factors ({@code .u [vocab, r]} times {@code .v [r, hidden]}) or int8 rows with a scale each
     * ({@code .q8}, {@code .q8_scale}), which only the gathered rows are widened from.
     */
    private static String wordEmbeddings(OnnxGraph g, Checkpoint ck) {
        String w = BertNames.WORD_EMBEDDINGS;
        if (ck.has(w)) {
            return g.node("Gather", "embeddings/words", List.of(g.initializer(w, ck.tensor(w)), "input_ids"));
        }
        if (ck.has(w + ".u")) {
            String rows = g.node("Gather", "embeddings/words_u", List.of(g.initializer(w + ".u", ck.tensor(w + ".u")), "input_ids"));
            return g.node("MatMul", "embeddings/words", List.of(rows, g.initializer(w + ".v", ck.tensor(w + ".v"))));
        }
        if (ck.has(w + ".q8")) {
            String codes = g.node("Gather", "embeddings/words_q8", List.of(g.exactInitializer(w + ".q8", ck.tensor(w + ".q8")), "input_ids"));
            String widened = g.node("Cast", "embeddings/words_f", List.of(codes), Map.of("to", TensorProto.DataType.FLOAT.getNumber()));
            String scales = g.node("Unsqueeze", "embeddings/words_scale", List.of(g.node("Gather", "embeddings/words_scale_rows",
                    List.of(g.initializer(w + ".q8_scale", ck.tensor(w + ".q8_scale")), "input_ids")), g.longs("last_axis", -1)));
            return g.node("Mul", "embeddings/words", List.of(widened, scales));
        }
        throw new IllegalStateException("the checkpoint holds no word embeddings");
    }

    /** The attention mask in the forms the layers need, each made once, on first use. */
    private static final class Mask {
        private final OnnxGraph g;
        private String bias;
        private String index;

        Mask(OnnxGraph g) {
            this.g = g;
        }

        /** {@code (1 - mask) · MASKED}, shaped {@code [batch, 1, 1, sequence]} to broadcast over heads and queries. */
        String bias() {
            if (bias == null) {
                String mask = g.node("Cast", "mask/float", List.of("attention_mask"),
                        Map.of("to", TensorProto.DataType.FLOAT.getNumber()));
                String expanded = g.node("Unsqueeze", "mask/expanded", List.of(mask, g.longs("mask_axes", 1, 2)));
                String inverted = g.node("Sub", "mask/inverted", List.of(g.floatScalar("one_f", 1f), expanded));
                bias = g.node("Mul", "mask/bias", List.of(inverted, g.floatScalar("masked", MASKED)));
            }
            return bias;
        }

        /** The raw 0/1 mask as int32, as the fused attention takes it. */
        String index() {
            if (index == null) {
                index = g.node("Cast", "mask/int32", List.of("attention_mask"), Map.of("to", TensorProto.DataType.INT32.getNumber()));
            }
            return index;
        }
    }

    private static String layer(OnnxGraph g, Checkpoint ck, int l, String x, Mask mask,
                                Function<String, LinearForm> forms, boolean fused) {
        String p = "encoder.layer." + l + ".";
        String merged = !fused ? selfAttention(g, ck, p, x, mask, forms)
                : qkvAre(forms, p, DenseLinear.class) ? fusedSelfAttention(g, ck, p, x, mask)
                : qkvAre(forms, p, Int8DynamicLinear.class) ? quantizedSelfAttention(g, ck, p, x, mask)
                : selfAttention(g, ck, p, x, mask, forms);
        String attended = addAndNorm(g, ck, p + "attention.output.LayerNorm",
                adapter(g, ck, CompacterWeights.adapter(l, "attention"), linear(g, ck, forms, p + "attention.output.dense", merged)),
                x, fused);
        String inner = gelu(g, p, linear(g, ck, forms, p + "intermediate.dense", attended));
        return addAndNorm(g, ck, p + "output.LayerNorm",
                adapter(g, ck, CompacterWeights.adapter(l, "output"), linear(g, ck, forms, p + "output.dense", inner)), attended, fused);
    }

    private static boolean qkvAre(Function<String, LinearForm> forms, String p, Class<? extends LinearForm> form) {
        return List.of("query", "key", "value").stream().allMatch(n -> form.isInstance(forms.apply(p + "attention.self." + n)));
    }

    /** {@code h + up(GELU(down(h)))} where the checkpoint has an adapter at {@code prefix}; else {@code h}. */
    private static String adapter(OnnxGraph g, Checkpoint ck, String prefix, String h) {
        if (!CompacterWeights.has(ck, prefix)) {
            return h;
        }
        String down = DenseLinear.INSTANCE.emit(g, ck, prefix + ".down", h);
        String up = DenseLinear.INSTANCE.emit(g, ck, prefix + ".up", gelu(g, prefix + "/", down));
        return g.node("Add", prefix + "/residual", List.of(h, up));
    }

    /** {@code LayerNorm(x + residual)}, fused into one contrib operator or written as two. */
    private static String addAndNorm(OnnxGraph g, Checkpoint ck, String norm, String x, String residual, boolean fused) {
        if (fused) {
            return g.microsoftNode("SkipLayerNormalization", norm, List.of(x, residual,
                    g.initializer(norm + ".weight", ck.tensor(norm + ".weight")), g.initializer(norm + ".bias", ck.tensor(norm + ".bias"))),
                    Map.of("epsilon", (float) ck.config().layerNormEps()));
        }
        return layerNorm(g, ck, norm, g.node("Add", norm + "/residual", List.of(x, residual)));
    }

    /** Self-attention as one {@code com.microsoft.Attention}: Q, K and V weights packed as {@code [hidden, 3·hidden]}. */
    private static String fusedSelfAttention(OnnxGraph g, Checkpoint ck, String p, String x, Mask mask) {
        EncoderConfig c = ck.config();
        int h = c.hidden();
        float[] weights = new float[h * 3 * h];
        float[] bias = new float[3 * h];
        String[] parts = {"query", "key", "value"};
        for (int part = 0; part < 3; part++) {
            float[] w = ck.tensor(p + "attention.self." + parts[part] + ".weight").floats(); // [out, in]
            float[] b = ck.tensor(p + "attention.self." + parts[part] + ".bias").floats();
            for (int out = 0; out < h; out++) {
                for (int in = 0; in < h; in++) {
                    weights[in * 3 * h + part * h + out] = w[out * h + in];
                }
                bias[part * h + out] = b[out];
            }
        }
        return g.microsoftNode("Attention", p + "attention", List.of(x,
                g.initializer(p + "attention.qkv.weight", Tensor.ofFloats(new long[] {h, 3L * h}, weights)),
                g.initializer(p + "attention.qkv.bias", Tensor.ofFloats(new long[] {3L * h}, bias)),
                mask.index()), Map.of("num_heads", c.heads(), "mask_filter_value", MASKED));
    }

    /**
     * Self-attention as one {@code com.microsoft.QAttention}: the input quantized on the fly to
     * uint8 ({@code DynamicQuantizeLinear}, one range per call), Q, K and V int8 codes packed as
     * {@code [hidden, 3·hidden]} with their per-output-channel scales, so the product is
     * {@link Int8DynamicLinear}'s and the attention itself is the fused fp32 kernel. Three separate
     * quantized products plus attention in standard operators cost a fifth more on a 1×384 call.
     */
    private static String quantizedSelfAttention(OnnxGraph g, Checkpoint ck, String p, String x, Mask mask) {
        EncoderConfig c = ck.config();
        int h = c.hidden();
        byte[] codes = new byte[h * 3 * h];
        float[] scales = new float[3 * h];
        float[] bias = new float[3 * h];
        String[] parts = {"query", "key", "value"};
        for (int part = 0; part < 3; part++) {
            String name = p + "attention.self." + parts[part];
            Int8DynamicLinear.Quantized q = Int8DynamicLinear.of(ck, name);
            byte[] partCodes = q.codes().bytes(); // [in, out]
            for (int in = 0; in < h; in++) {
                System.arraycopy(partCodes, in * h, codes, in * 3 * h + part * h, h);
            }
            System.arraycopy(q.scales().floats(), 0, scales, part * h, h);
            System.arraycopy(ck.tensor(name + ".bias").floats(), 0, bias, part * h, h);
        }
        String input = g.fresh(p + "attention/input_q");
        String inputScale = g.fresh(p + "attention/input_scale");
        String inputZero = g.fresh(p + "attention/input_zero");
        g.nodeWithOutputs("DynamicQuantizeLinear", "", List.of(x), List.of(input, inputScale, inputZero), Map.of());
        return g.microsoftNode("QAttention", p + "attention", List.of(input,
                g.exactInitializer(p + "attention.qkv.weight_q", Tensor.ofBytes(new long[] {h, 3L * h}, codes)),
                g.initializer(p + "attention.qkv.bias", Tensor.ofFloats(new long[] {3L * h}, bias)),
                inputScale,
                g.initializer(p + "attention.qkv.weight_scale", Tensor.ofFloats(new long[] {3L * h}, scales)),
                mask.index(),
                inputZero,
                g.exactInitializer(p + "attention.qkv.weight_zero", Tensor.ofBytes(new long[] {3L * h}, new byte[3 * h]))),
                Map.of("num_heads", c.heads(), "mask_filter_value", MASKED));
    }

    /** Self-attention in standard operators, each of Q, K and V through its own linear form. */
    private static String selfAttention(OnnxGraph g, Checkpoint ck, String p, String x, Mask mask,
                                        Function<String, LinearForm> forms) {
        EncoderConfig c = ck.config();
        String splitShape = g.longs("heads_shape", 0, 0, c.heads(), c.headSize());
        String q = split(g, linear(g, ck, forms, p + "attention.self.query", x), splitShape, new long[] {0, 2, 1, 3});
        String k = split(g, linear(g, ck, forms, p + "attention.self.key", x), splitShape, new long[] {0, 2, 3, 1});
        String v = split(g, linear(g, ck, forms, p + "attention.self.value", x), splitShape, new long[] {0, 2, 1, 3});
        String scores = g.node("Div", p + "attention/scores", List.of(g.node("MatMul", p + "attention/qk", List.of(q, k)),
                g.floatScalar("sqrt_head", (float) Math.sqrt(c.headSize()))));
        String probs = g.node("Softmax", p + "attention/probs", List.of(g.node("Add", p + "attention/masked",
                List.of(scores, mask.bias()))), Map.of("axis", -1));
        String context = g.node("MatMul", p + "attention/context", List.of(probs, v));
        return g.node("Reshape", p + "attention/merged", List.of(
                g.node("Transpose", p + "attention/context_t", List.of(context), Map.of("perm", new long[] {0, 2, 1, 3})),
                g.longs("merged_shape", 0, 0, c.hidden())));
    }

    private static String linear(OnnxGraph g, Checkpoint ck, Function<String, LinearForm> forms, String name, String input) {
        return forms.apply(name).emit(g, ck, name, input);
    }

    /** {@code [batch, sequence, hidden]} to per-head {@code [batch, heads, ...]} in the given order. */
    private static String split(OnnxGraph g, String x, String shape, long[] perm) {
        String reshaped = g.node("Reshape", "split", List.of(x, shape));
        return g.node("Transpose", "split_t", List.of(reshaped), Map.of("perm", perm));
    }

    /** GELU as PyTorch exports it: {@code x · ½ · (1 + erf(x / √2))}, in that order. */
    private static String gelu(OnnxGraph g, String p, String x) {
        String erf = g.node("Erf", p + "gelu/erf", List.of(g.node("Div", p + "gelu/scaled",
                List.of(x, g.floatScalar("sqrt2", (float) Math.sqrt(2))))));
        String onePlus = g.node("Add", p + "gelu/one_plus", List.of(erf, g.floatScalar("one_f", 1f)));
        return g.node("Mul", p + "gelu/half", List.of(g.node("Mul", p + "gelu/x", List.of(x, onePlus)),
                g.floatScalar("half", 0.5f)));
    }

    private static String layerNorm(OnnxGraph g, Checkpoint ck, String name, String x) {
        return g.node("LayerNormalization", name, List.of(x, g.initializer(name + ".weight", ck.tensor(name + ".weight")),
                g.initializer(name + ".bias", ck.tensor(name + ".bias"))),
                Map.of("axis", -1, "epsilon", (float) ck.config().layerNormEps()));
    }
}
