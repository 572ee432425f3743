package compactqa.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import compactqa.model.Checkpoint;
import compactqa.model.EncoderConfig;
import compactqa.model.Tensor;

/**
 * The weights being trained, as DJL arrays on the PyTorch engine, named as in a {@link Checkpoint}
 * (Hugging Face names, task heads under {@code heads.<name>.}). Owns its arrays: closing it frees
 * them. Not thread-safe; one training loop uses it.
 */
public final class ModelParameters implements AutoCloseable {

    private final NDManager manager;
    private final EncoderConfig config;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    private ModelParameters(NDManager manager, EncoderConfig config) {
        this.manager = manager;
        this.config = config;
    }

    /** Every tensor of {@code checkpoint}, as fp32 arrays that do not yet require gradients. */
    public static ModelParameters of(Checkpoint checkpoint, NDManager parent) {
        ModelParameters p = new ModelParameters(parent.newSubManager(), checkpoint.config());
        checkpoint.tensors().forEach((name, tensor) -> p.put(name, tensor));
        return p;
    }

    public EncoderConfig config() {
        return config;
    }

    public NDManager manager() {
        return manager;
    }

    /** The array named {@code name}. */
    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return a;
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    /** All arrays in order. */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Adds or replaces the array {@code name} with a copy of {@code tensor}. */
    public void put(String name, Tensor tensor) {
        NDArray array = manager.create(tensor.floats(), new Shape(tensor.shape()));
        NDArray old = arrays.put(name, array);
        if (old != null) {
            old.close();
        }
    }

    /**
     * Adds a task head {@code heads.<name>} reading hidden vectors: weights drawn from N(0, 0.02²) as
     * BERT initializes them, from {@code seed}, and a zero bias.
     */
    public void addHead(String name, int outputs, long seed) {
        Random random = new Random(seed);
        float[] w = new float[outputs * config.hidden()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 0.02);
        }
        put("heads." + name + ".weight", Tensor.ofFloats(new long[] {outputs, config.hidden()}, w));
        put("heads." + name + ".bias", Tensor.ofFloats(new long[] {outputs}, new float[outputs]));
    }

    /** Makes the arrays whose names {@code trainable} accepts require gradients, and the others not. */
    public void setTrainable(Predicate<String> trainable) {
        arrays.forEach((name, array) -> array.setRequiresGradient(trainable.test(name)));
    }

    /** Whether the array requires gradients. */
    public boolean isTrainable(String name) {
        return get(name).hasGradient();
    }

    /** Parameters (elements) of the trainable arrays. */
    public long trainableCount() {
        return arrays.values().stream().filter(NDArray::hasGradient).mapToLong(a -> a.getShape().size()).sum();
    }

    /** The current weights as a checkpoint of this configuration. */
    public Checkpoint toCheckpoint() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        arrays.forEach((name, array) -> tensors.put(name, toTensor(array)));
        return new Checkpoint(config, tensors);
    }

    static Tensor toTensor(NDArray array) {
        NDArray fp32 = array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
        return Tensor.ofFloats(array.getShape().getShape(), fp32.toFloatArray());
    }

    @Override
    public void close() {
        manager.close();
    }
}
