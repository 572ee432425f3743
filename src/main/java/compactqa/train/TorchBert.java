package compactqa.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import compactqa.model.BertNames;
import compactqa.model.EncoderConfig;

/**
 * The BERT encoder as DJL array operations over {@link ModelParameters}: the same computation as
 * Hugging Face's {@code BertModel} and as the graph {@code BertOnnxExporter} writes (attention
 * scores divided by √d, padding masked with -10000, exact GELU), plus dropout when training.
 *
 * <p>Written as functions rather than DJL blocks: DJL's {@code BertBlock} cannot take these
 * checkpoints (it normalizes with BatchNorm and pools a fixed token), and plain functions make the
 * later layer replacement (Theseus) and freezing a matter of choosing names. Stateless besides the
 * parameters it reads; not thread-safe while training.
 */
public final class TorchBert {

    /** Added to the attention scores of padding; the exporter uses the same value. */
    static final float MASKED = -10000f;

    private final ModelParameters p;
    private final EncoderConfig c;
    private final LayerPlan plan;

    public TorchBert(ModelParameters parameters) {
        this(parameters, LayerPlan.encoder(parameters.config().layers()));
    }

    /** The encoder running the layers {@code plan} names (layer reduction swaps layers in and out). */
    public TorchBert(ModelParameters parameters, LayerPlan plan) {
        this.p = parameters;
        this.c = parameters.config();
        this.plan = plan;
    }

    /**
     * The last hidden states {@code [batch, sequence, hidden]}.
     *
     * @param ids      int64 token ids {@code [batch, sequence]}
     * @param types    int64 token type ids
     * @param mask     int64 attention mask, 1 for real tokens
     * @param dropout  dropout rate, applied only if {@code training}
     */
    public NDArray encode(NDArray ids, NDArray types, NDArray mask, boolean training, float dropout) {
        NDManager m = ids.getManager();
        long batch = ids.getShape().get(0);
        long length = ids.getShape().get(1);
        NDArray positions = m.arange(0, (int) length, 1, DataType.INT64);
        NDArray x = embed(BertNames.WORD_EMBEDDINGS, ids)
                .add(embed(BertNames.POSITION_EMBEDDINGS, positions))
                .add(embed(BertNames.TYPE_EMBEDDINGS, types));
        x = drop(norm(x, BertNames.EMBEDDINGS_NORM), training, dropout);
        NDArray maskBias = mask.toType(DataType.FLOAT32, false).neg().add(1).mul(MASKED).reshape(batch, 1, 1, length);
        for (String prefix : plan.layers(training)) {
            x = layer(prefix, x, maskBias, training, dropout);
        }
        return x;
    }

    /** One transformer layer whose parameters are named {@code prefix + ...}. */
    NDArray layer(String prefix, NDArray x, NDArray maskBias, boolean training, float dropout) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        Shape split = new Shape(batch, length, c.heads(), c.headSize());
        NDArray q = linear(x, prefix + "attention.self.query").reshape(split).transpose(0, 2, 1, 3);
        NDArray k = linear(x, prefix + "attention.self.key").reshape(split).transpose(0, 2, 3, 1);
        NDArray v = linear(x, prefix + "attention.self.value").reshape(split).transpose(0, 2, 1, 3);
        NDArray probs = q.matMul(k).div((float) Math.sqrt(c.headSize())).add(maskBias).softmax(-1);
        NDArray context = drop(probs, training, dropout).matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, c.hidden());
        NDArray attended = norm(drop(linear(context, prefix + "attention.output.dense"), training, dropout).add(x),
                prefix + "attention.output.LayerNorm");
        NDArray inner = Activation.gelu(linear(attended, prefix + "intermediate.dense"));
        return norm(drop(linear(inner, prefix + "output.dense"), training, dropout).add(attended), prefix + "output.LayerNorm");
    }

    /** {@code x · Wᵀ + b} for the linear layer (or head) named {@code name}. */
    public NDArray linear(NDArray x, String name) {
        return Linear.linear(x, p.get(name + ".weight"), p.get(name + ".bias")).singletonOrThrow();
    }

    private NDArray embed(String table, NDArray ids) {
        return Embedding.embedding(ids, p.get(table), SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray norm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(c.hidden()), p.get(name + ".weight"), p.get(name + ".bias"),
                (float) c.layerNormEps()).singletonOrThrow();
    }

    private static NDArray drop(NDArray x, boolean training, float rate) {
        return training && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }
}
