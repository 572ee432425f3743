package compactqa.train;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import compactqa.model.Tensor;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), with its state held here so that a
 * training run can save it and resume exactly:
 *
 * <pre>
 * m ← β₁·m + (1-β₁)·g        v ← β₂·v + (1-β₂)·g²
 * p ← p - lr·( m/(1-β₁ᵗ) / (√(v/(1-β₂ᵗ)) + ε) + λ·p )
 * </pre>
 *
 * with λ applied only to weight matrices, not to biases and LayerNorm parameters. Gradients are
 * first clipped to a global L2 norm. Not thread-safe.
 */
public final class AdamW implements AutoCloseable {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final NDManager manager;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long steps;

    public AdamW(NDManager parent, double weightDecay) {
        this(parent, 0.9, 0.999, 1e-8, weightDecay);
    }

    public AdamW(NDManager parent, double beta1, double beta2, double epsilon, double weightDecay) {
        this.manager = parent.newSubManager();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** Updates done so far. */
    public long steps() {
        return steps;
    }

    /**
     * Clips the gradients of the trainable parameters to {@code maxNorm} (if positive), updates the
     * parameters, and zeroes the gradients. Gradients that are not finite are dropped without an
     * update, so that one bad backward pass cannot poison the weights; the caller sees the norm.
     *
     * @return the gradients' global L2 norm before clipping (NaN or infinite if the step was skipped)
     */
    public double step(ModelParameters params, double learningRate, double maxNorm) {
        double norm;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            double squares = 0;
            for (NDArray p : params.all().values()) {
                if (p.hasGradient()) {
                    squares += p.getGradient().square().sum().getFloat();
                }
            }
            norm = Math.sqrt(squares);
            if (!Double.isFinite(norm)) {
                zeroGradients(params);
                return norm;
            }
            steps++;
            double clip = maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
            double correction1 = 1 - Math.pow(beta1, steps);
            double correction2 = 1 - Math.pow(beta2, steps);
            for (Map.Entry<String, NDArray> e : params.all().entrySet()) {
                NDArray p = e.getValue();
                if (!p.hasGradient()) {
                    continue;
                }
                NDArray g = p.getGradient();
                if (clip != 1.0) {
                    g = g.mul(clip);
                }
                NDArray m = state(first, e.getKey(), p.getShape());
                NDArray v = state(second, e.getKey(), p.getShape());
                m.muli(beta1).addi(g.mul(1 - beta1));
                v.muli(beta2).addi(g.square().mul(1 - beta2));
                NDArray update = m.div(correction1).div(v.div(correction2).sqrt().add(epsilon));
                if (weightDecay > 0 && decays(e.getKey())) {
                    update = update.add(p.mul(weightDecay));
                }
                p.subi(update.mul(learningRate));
                clear(p);
            }
        }
        return norm;
    }

    /** Drops the accumulated gradients without updating (after a failed step, say). */
    public static void zeroGradients(ModelParameters params) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (NDArray p : params.all().values()) {
                if (p.hasGradient()) {
                    clear(p);
                }
            }
        }
    }

    /**
     * Sets a parameter's gradient to zero. Not by multiplying by zero: NaN·0 is NaN, and PyTorch
     * adds each backward pass into the gradient, so one non-finite gradient would never go away.
     */
    private static void clear(NDArray p) {
        p.getGradient().set(new NDIndex("..."), 0);
    }

    /** The state as tensors named {@code adam.m.<param>} and {@code adam.v.<param>}, and the step count. */
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        first.forEach((name, array) -> state.put("adam.m." + name, ModelParameters.toTensor(array)));
        second.forEach((name, array) -> state.put("adam.v." + name, ModelParameters.toTensor(array)));
        state.put("adam.steps", Tensor.ofFloats(new long[] {1}, new float[] {steps}));
        return state;
    }

    /** Restores the state saved by {@link #state()}. */
    public void restore(Map<String, Tensor> state) {
        state.forEach((name, tensor) -> {
            if (name.startsWith("adam.m.")) {
                replace(first, name.substring(7), tensor);
            } else if (name.startsWith("adam.v.")) {
                replace(second, name.substring(7), tensor);
            }
        });
        Tensor s = state.get("adam.steps");
        steps = s == null ? 0 : (long) s.floats()[0];
    }

    private void replace(Map<String, NDArray> map, String name, Tensor tensor) {
        NDArray old = map.put(name, manager.create(tensor.floats(), new Shape(tensor.shape())));
        if (old != null) {
            old.close();
        }
    }

    private NDArray state(Map<String, NDArray> map, String name, Shape shape) {
        NDArray a = map.get(name);
        if (a == null) {
            a = manager.zeros(shape);
            NDScope.unregister(a);
            map.put(name, a);
        }
        return a;
    }

    /** Weight decay applies to matrices only: not to biases, LayerNorm scales and shifts. */
    static boolean decays(String name) {
        return name.endsWith(".weight") && !name.contains("LayerNorm");
    }

    @Override
    public void close() {
        manager.close();
    }
}
