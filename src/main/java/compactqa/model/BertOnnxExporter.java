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

    /** A large negative added to the attention scores of padding, so that softmax gives them zero weight. */
    static final float MASKED = -10000f;

    /** Every linear layer dense. */
    public static final Function<String, LinearForm> DENSE = name -> DenseLinear.INSTANCE;

    /** The graph of {@code checkpoint} with {@code heads}, each linear layer in the form {@code forms} gives. */
    public ModelProto export(Checkpoint checkpoint, List<Head> heads, Function<String, LinearForm> forms) {
        EncoderConfig c = checkpoint.config();
        OnnxGraph g = new OnnxGraph("compactqa_bert");
        g.input("input_ids", TensorProto.DataType.INT64, "batch", "sequence");
        g.input("attention_mask", TensorProto.DataType.INT64, "batch", "sequence");
        g.input("token_type_ids", TensorProto.DataType.INT64, "batch", "sequence");

        String hidden = embeddings(g, checkpoint);
        String maskBias = maskBias(g);
        for (int l = 0; l < c.layers(); l++) {
            hidden = layer(g, checkpoint, l, hidden, maskBias, forms);
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
        String words = g.node("Gather", "embeddings/words", List.of(
                g.initializer(BertNames.WORD_EMBEDDINGS, ck.tensor(BertNames.WORD_EMBEDDINGS)), "input_ids"));
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

    /** {@code (1 - mask) · MASKED}, shaped {@code [batch, 1, 1, sequence]} to broadcast over heads and queries. */
    private static String maskBias(OnnxGraph g) {
        String mask = g.node("Cast", "mask/float", List.of("attention_mask"), Map.of("to", TensorProto.DataType.FLOAT.getNumber()));
        String expanded = g.node("Unsqueeze", "mask/expanded", List.of(mask, g.longs("mask_axes", 1, 2)));
        String inverted = g.node("Sub", "mask/inverted", List.of(g.floatScalar("one_f", 1f), expanded));
        return g.node("Mul", "mask/bias", List.of(inverted, g.floatScalar("masked", MASKED)));
    }

    private static String layer(OnnxGraph g, Checkpoint ck, int l, String x, String maskBias,
                                Function<String, LinearForm> forms) {
        EncoderConfig c = ck.config();
        String p = "encoder.layer." + l + ".";
        String splitShape = g.longs("heads_shape", 0, 0, c.heads(), c.headSize());
        String q = split(g, linear(g, ck, forms, p + "attention.self.query", x), splitShape, new long[] {0, 2, 1, 3});
        String k = split(g, linear(g, ck, forms, p + "attention.self.key", x), splitShape, new long[] {0, 2, 3, 1});
        String v = split(g, linear(g, ck, forms, p + "attention.self.value", x), splitShape, new long[] {0, 2, 1, 3});
        String scores = g.node("Div", p + "attention/scores", List.of(g.node("MatMul", p + "attention/qk", List.of(q, k)),
                g.floatScalar("sqrt_head", (float) Math.sqrt(c.headSize()))));
        String probs = g.node("Softmax", p + "attention/probs", List.of(g.node("Add", p + "attention/masked",
                List.of(scores, maskBias))), Map.of("axis", -1));
        String context = g.node("MatMul", p + "attention/context", List.of(probs, v));
        String merged = g.node("Reshape", p + "attention/merged", List.of(
                g.node("Transpose", p + "attention/context_t", List.of(context), Map.of("perm", new long[] {0, 2, 1, 3})),
                g.longs("merged_shape", 0, 0, c.hidden())));
        String attended = layerNorm(g, ck, p + "attention.output.LayerNorm", g.node("Add", p + "attention/residual",
                List.of(linear(g, ck, forms, p + "attention.output.dense", merged), x)));
        String inner = gelu(g, p, linear(g, ck, forms, p + "intermediate.dense", attended));
        return layerNorm(g, ck, p + "output.LayerNorm", g.node("Add", p + "output/residual",
                List.of(linear(g, ck, forms, p + "output.dense", inner), attended)));
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
