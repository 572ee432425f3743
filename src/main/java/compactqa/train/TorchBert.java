package compactqa.train;

import java.util.List;
import java.util.function.Supplier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import compactqa.model.BertNames;
import compactqa.model.CompacterWeights;
import compactqa.model.EncoderConfig;
import compactqa.model.LowRankLinear;
import compactqa.model.MpoLinear;
import compactqa.model.SharedBasisLinear;

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
    private final WeightView view;
    private final double activationRatio;

    public TorchBert(ModelParameters parameters) {
        this(parameters, LayerPlan.encoder(parameters.config().layers()));
    }

    /** The encoder running the layers {@code plan} names (layer reduction swaps layers in and out). */
    public TorchBert(ModelParameters parameters, LayerPlan plan) {
        this(parameters, plan, WeightView.PLAIN);
    }

    /**
     * The encoder running the layers {@code plan} names, with its matrices (word embeddings and
     * linear weights, not biases or norms) seen through {@code view}.
     */
    public TorchBert(ModelParameters parameters, LayerPlan plan, WeightView view) {
        this(parameters, plan, view, 0);
    }

    private TorchBert(ModelParameters parameters, LayerPlan plan, WeightView view, double activationRatio) {
        this.p = parameters;
        this.c = parameters.config();
        this.plan = plan;
        this.view = view;
        this.activationRatio = activationRatio;
    }

    /**
     * This encoder in the compressed-activation training mode (CompAct, Shamshoum et al., 2024):
     * each transformer linear layer keeps, for its weight gradient, a random projection of its input
     * to {@code ratio} of its width instead of the input itself, so training holds less memory; the
     * gradients of the inputs stay exact, those of the weights become unbiased estimates. 0 turns
     * the mode off. The forward pass is unchanged.
     */
    public TorchBert withActivationCompression(double ratio) {
        if (ratio < 0 || ratio >= 1) {
            throw new IllegalArgumentException("the activation compression ratio must be in [0, 1), got " + ratio);
        }
        return new TorchBert(p, plan, view, ratio);
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
        return encode(ids, types, mask, training, dropout, null);
    }

    /**
     * The last hidden states, as {@link #encode(NDArray, NDArray, NDArray, boolean, float)}, with every
     * layer's output also added to {@code layerOutputs} (bottom first, the last one being the result)
     * unless it is null: what hidden-state distillation compares.
     */
    public NDArray encode(NDArray ids, NDArray types, NDArray mask, boolean training, float dropout, List<NDArray> layerOutputs) {
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
            // a layer's temporaries (scores, masks, sums), and then its input, close as soon as it is
            // done: what stays resident through the backward pass is what autograd saved, which is
            // what the compressed-activation mode shrinks
            NDArray input = x;
            x = scoped(() -> layer(prefix, input, maskBias, training, dropout));
            if (layerOutputs == null) {
                input.close();
            } else {
                layerOutputs.add(x);
            }
        }
        return x;
    }

    /** One transformer layer whose parameters are named {@code prefix + ...}. */
    NDArray layer(String prefix, NDArray x, NDArray maskBias, boolean training, float dropout) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        Shape split = new Shape(batch, length, c.heads(), c.headSize());
        // the raw, scaled and masked scores are [batch, heads, length, length] each: closed as soon as
        // the context exists, so that a layer's forward pass does not peak at several of them
        NDArray context = scoped(() -> {
            NDArray q = linear(x, prefix + "attention.self.query", training).reshape(split).transpose(0, 2, 1, 3);
            NDArray k = linear(x, prefix + "attention.self.key", training).reshape(split).transpose(0, 2, 3, 1);
            NDArray v = linear(x, prefix + "attention.self.value", training).reshape(split).transpose(0, 2, 1, 3);
            NDArray probs = q.matMul(k).div((float) Math.sqrt(c.headSize())).add(maskBias).softmax(-1);
            return drop(probs, training, dropout).matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, c.hidden());
        });
        NDArray attended = norm(drop(adapter(prefix + "adapter.attention", linear(context, prefix + "attention.output.dense", training)),
                training, dropout).add(x), prefix + "attention.output.LayerNorm");
        NDArray inner = Activation.gelu(linear(attended, prefix + "intermediate.dense", training));
        return norm(drop(adapter(prefix + "adapter.output", linear(inner, prefix + "output.dense", training)), training, dropout)
                .add(attended), prefix + "output.LayerNorm");
    }

    /**
     * {@code x · Wᵀ + b} for the linear layer (or head) named {@code name}, whose weight may be held
     * dense or in a factorized form of the checkpoint ({@code .weight.u}/{@code .v}, shared-basis
     * codes, MPO cores), so that factorized models can be fine-tuned (healed) in their own form.
     */
    public NDArray linear(NDArray x, String name) {
        return linear(x, name, false);
    }

    private NDArray linear(NDArray x, String name, boolean training) {
        NDArray bias = p.get(name + ".bias");
        if (p.has(name + ".weight")) {
            NDArray w = onStep(x, () -> view.view(name + ".weight", p.get(name + ".weight")));
            if (training && activationRatio > 0 && w.hasGradient()) {
                return compressedLinear(x, w, bias);
            }
            return Linear.linear(x, w, bias).singletonOrThrow();
        }
        if (p.has(name + LowRankLinear.U)) {
            NDArray v = onStep(x, () -> p.get(name + LowRankLinear.V).transpose());
            NDArray u = onStep(x, () -> p.get(name + LowRankLinear.U).transpose());
            return x.matMul(v).matMul(u).add(bias);
        }
        if (p.has(name + SharedBasisLinear.CODES)) {
            NDArray basis = p.get(SharedBasisLinear.basis(SharedBasisLinear.kind(name)));
            return x.matMul(onStep(x, basis::transpose)).matMul(onStep(x, () -> p.get(name + SharedBasisLinear.CODES).transpose()))
                    .add(bias);
        }
        if (p.has(name + MpoLinear.core(0))) {
            return Linear.linear(x, onStep(x, () -> mpoWeight(name)), bias).singletonOrThrow();
        }
        throw new IllegalArgumentException("no weights for " + name + " in a form training can run");
    }

    /**
     * {@code x · Wᵀ + b} whose backward pass sees only a sketch of {@code x}: with a fresh Gaussian
     * projection {@code P [in, k]} (entries of variance 1/k, drawn from PyTorch's generator, which
     * the trainer seeds every step), the value is {@code x · stopgrad(W)ᵀ + b} (whose backward
     * keeps {@code W}, not {@code x}) plus {@code z·(W·P)ᵀ − stopgrad(z·(W·P)ᵀ)} with
     * {@code z = stopgrad(x·P)}, which is zero forward and gives {@code ∂W = gᵀ·z·Pᵀ}, keeping only
     * {@code z} and {@code P}. DJL's autograd cannot take a hand-written backward; this gets the
     * same gradients from its own operators.
     */
    private NDArray compressedLinear(NDArray x, NDArray w, NDArray bias) {
        long in = w.getShape().get(1);
        long k = Math.max(1, Math.round(activationRatio * in));
        // four [batch, length, out] temporaries per layer: closed at once, or they would outweigh what the mode saves
        return scoped(() -> {
            NDArray projection = x.getManager().randomNormal(0, (float) (1 / Math.sqrt(k)), new Shape(in, k), DataType.FLOAT32);
            // from a detached x, so that no graph node (which would save x) is ever built for the sketch
            NDArray sketch = x.stopGradient().matMul(projection);
            NDArray exact = x.matMul(w.stopGradient().transpose());
            NDArray approx = sketch.matMul(w.matMul(projection).transpose());
            return exact.add(approx.sub(approx.stopGradient())).add(bias);
        });
    }

    /**
     * The array {@code f} computes, with every other array it creates closed when it returns. DJL
     * keeps each array until its manager closes, which for training is the step's end; closing a
     * temporary releases only this handle, never what autograd saved for the backward pass. The
     * result joins the enclosing scope, if any, so that it closes with it.
     */
    private static NDArray scoped(Supplier<NDArray> f) {
        NDArray result;
        try (NDScope scope = new NDScope()) {
            result = f.get();
            NDScope.unregister(result);
        }
        NDScope.register(result);
        return result;
    }

    /**
     * The weight {@code f} derives from parameters (a quantized view, a transpose, a contraction of
     * factors), owned by the step: DJL attaches an operator's result to its first operand's manager,
     * which for a parameter is the model's, open for the whole training, so the derived weight and
     * every temporary of {@code f} would stay resident step after step (XTC's ternary view of the
     * word embeddings alone kept 0.4 GB a step, and the run died of memory at step 50). The
     * temporaries close at once; the weight joins {@code x}'s manager, and the enclosing scope.
     * A parameter returned as it is stays the model's.
     */
    private NDArray onStep(NDArray x, Supplier<NDArray> f) {
        NDArray result;
        try (NDScope scope = new NDScope()) {
            result = f.get();
            NDScope.unregister(result);
        }
        for (NDArray parameter : p.all().values()) {
            if (parameter == result) {
                return result;
            }
        }
        result.attach(x.getManager());
        NDScope.register(result);
        return result;
    }

    /** {@code h + up(GELU(down(h)))} where the model has a Compacter adapter at {@code prefix}; else {@code h}. */
    private NDArray adapter(String prefix, NDArray h) {
        if (!p.has(prefix + ".down.bias")) {
            return h;
        }
        NDArray down = Linear.linear(h, onStep(h, () -> projection(prefix + ".down", "down")), p.get(prefix + ".down.bias"))
                .singletonOrThrow();
        NDArray up = Linear.linear(Activation.gelu(down), onStep(h, () -> projection(prefix + ".up", "up")), p.get(prefix + ".up.bias"))
                .singletonOrThrow();
        return h.add(up);
    }

    /** An adapter projection: dense, or {@code Σᵢ Aᵢ ⊗ (sᵢ·tᵢᵀ)} from the shared slow matrices and its fast factors. */
    private NDArray projection(String name, String kind) {
        if (p.has(name + ".weight")) {
            return p.get(name + ".weight");
        }
        NDArray a = p.get(CompacterWeights.slow(kind));   // [n, n, n]
        NDArray s = p.get(name + ".s");                     // [n, r]
        NDArray t = p.get(name + ".t");                     // [n, c]
        long n = a.getShape().get(0);
        long r = s.getShape().get(1);
        long cols = t.getShape().get(1);
        NDArray fast = s.reshape(n, r, 1).mul(t.reshape(n, 1, cols)); // [n, r, c]
        return a.reshape(n, n, 1, n, 1).mul(fast.reshape(n, 1, r, 1, cols)).sum(new int[] {0}).reshape(n * r, n * cols);
    }

    /** The weight {@code [out, in]} an MPO's cores stand for, contracted core by core (as {@link MpoLinear#contract}). */
    private NDArray mpoWeight(String name) {
        NDArray r = null;
        long out = 1;
        long in = 1;
        for (int k = 0; p.has(name + MpoLinear.core(k)); k++) {
            NDArray core = p.get(name + MpoLinear.core(k)); // [χ, o, i, χ']
            Shape s = core.getShape();
            long o = s.get(1);
            long i = s.get(2);
            long right = s.get(3);
            if (r == null) {
                r = core.reshape(o, i, right);
            } else {
                // [O, I, χ] x [χ, o·i·χ'] -> [O, I, o, i, χ'] -> [O, o, I, i, χ']
                NDArray next = r.reshape(out * in, s.get(0)).matMul(core.reshape(s.get(0), o * i * right))
                        .reshape(out, in, o, i, right).transpose(0, 2, 1, 3, 4);
                r = next.reshape(out * o, in * i, right);
            }
            out *= o;
            in *= i;
        }
        return r.reshape(out, in);
    }

    private NDArray embed(String table, NDArray ids) {
        NDArray weights = table.equals(BertNames.WORD_EMBEDDINGS) ? onStep(ids, () -> view.view(table, p.get(table))) : p.get(table);
        return Embedding.embedding(ids, weights, SparseFormat.DENSE).singletonOrThrow();
    }

    private NDArray norm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(c.hidden()), p.get(name + ".weight"), p.get(name + ".bias"),
                (float) c.layerNormEps()).singletonOrThrow();
    }

    private static NDArray drop(NDArray x, boolean training, float rate) {
        return training && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }
}
