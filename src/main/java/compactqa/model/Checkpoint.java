package compactqa.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * An encoder's configuration and its named tensors, in Hugging Face naming and layout: linear
 * weights are {@code [out, in]} ({@code encoder.layer.0.attention.self.query.weight}), embeddings
 * {@code [rows, hidden]}. Task heads add tensors under {@code heads.<name>.}.
 *
 * <p>On disk a checkpoint is a folder as Hugging Face writes one: {@code config.json} and
 * {@code model.safetensors}. Immutable once built; {@link #with} makes changed copies.
 */
public final class Checkpoint {

    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.safetensors";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EncoderConfig config;
    private final Map<String, Tensor> tensors;

    public Checkpoint(EncoderConfig config, Map<String, Tensor> tensors) {
        this.config = config;
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    public EncoderConfig config() {
        return config;
    }

    /** All tensors, in order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    /** The tensor named {@code name}. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("checkpoint has no tensor " + name);
        }
        return t;
    }

    public boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** A copy with {@code changes} added or replaced (a null value removes the tensor). */
    public Checkpoint with(EncoderConfig newConfig, Map<String, Tensor> changes) {
        Map<String, Tensor> copy = new LinkedHashMap<>(tensors);
        changes.forEach((name, tensor) -> {
            if (tensor == null) {
                copy.remove(name);
            } else {
                copy.put(name, tensor);
            }
        });
        return new Checkpoint(newConfig, copy);
    }

    /**
     * The encoder made of the layers under {@code prefixes}, in that order, as layers 0, 1, …:
     * tensors under a prefix are renamed, every other {@code encoder.layer.} tensor is dropped, and
     * the rest (embeddings, heads) kept. Layer reduction builds its compact model this way.
     */
    public Checkpoint withLayers(List<String> prefixes) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            for (int k = 0; k < prefixes.size(); k++) {
                if (name.startsWith(prefixes.get(k))) {
                    out.put(BertNames.layer(k, name.substring(prefixes.get(k).length())), tensor);
                    return;
                }
            }
            if (!name.startsWith("encoder.layer.")) {
                out.put(name, tensor);
            }
        });
        return new Checkpoint(config.withLayers(prefixes.size()), out).validate();
    }

    /** Parameters (elements) over all tensors. */
    public long parameters() {
        return tensors.values().stream().mapToLong(Tensor::count).sum();
    }

    /**
     * Checks that every tensor a BERT encoder needs is present, dense, and shaped as the
     * configuration says.
     *
     * @throws IllegalStateException naming the first tensor that is missing or misshapen
     */
    public Checkpoint validate() {
        Map<String, long[]> expected = BertNames.expectedShapes(config);
        for (String name : tensors.keySet()) {
            if (name.startsWith("encoder.layer.") && !expected.containsKey(name) && !name.contains(".weight.") && !name.contains(".bias.")
                    && !name.contains(".adapter.")) {
                throw new IllegalStateException("checkpoint has " + name + ", beyond its " + config.layers() + " layers");
            }
        }
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            Tensor t = tensors.get(e.getKey());
            if (t == null && compressed(e.getKey())) {
                continue; // held in a compressed form, whose tensors its linear form checks
            }
            if (t == null) {
                throw new IllegalStateException("checkpoint lacks " + e.getKey());
            }
            if (!t.hasShape(e.getValue())) {
                throw new IllegalStateException(e.getKey() + " has shape " + t + ", expected "
                        + Arrays.toString(e.getValue()) + " for " + config);
            }
        }
        return this;
    }

    /** Whether {@code weight} is held as compressed parts, named {@code <weight>.<part>}. */
    private boolean compressed(String weight) {
        String prefix = weight + ".";
        return weight.endsWith(".weight") && tensors.keySet().stream().anyMatch(n -> n.startsWith(prefix));
    }

    /**
     * Saves to {@code dir} as {@code config.json} and {@code model.safetensors}. The folder is
     * written beside the target and swapped in, so an interrupted save leaves the previous one.
     */
    public void save(Path dir) throws IOException {
        AtomicFolders.replace(dir, List.of(), tmp -> {
            JSON.writeValue(tmp.resolve(CONFIG).toFile(), config.toHuggingFace());
            Safetensors.write(tmp.resolve(WEIGHTS), tensors, Map.of("format", "pt", "producer", "compactqa"));
        });
    }

    /** Loads a checkpoint folder written by {@link #save} (or by Hugging Face with safetensors). */
    public static Checkpoint load(Path dir) throws IOException {
        Path configFile = dir.resolve(CONFIG);
        Path weights = dir.resolve(WEIGHTS);
        if (!Files.isRegularFile(configFile) || !Files.isRegularFile(weights)) {
            throw new IOException(dir + " is not a checkpoint: it needs " + CONFIG + " and " + WEIGHTS);
        }
        Map<String, Object> json = JSON.readValue(configFile.toFile(), new TypeReference<>() { });
        return new Checkpoint(EncoderConfig.fromHuggingFace(json), Safetensors.read(weights).tensors());
    }
}
