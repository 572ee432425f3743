package compactqa.compress;

import java.util.LinkedHashMap;
import java.util.Map;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.Int8DynamicLinear;
import compactqa.model.RowQuantization;
import compactqa.model.Tensor;

/**
 * Dynamic int8: each selected linear layer's weight as int8 codes with a scale per output channel
 * (activations are quantized on the fly by ONNX Runtime), and the word embeddings as int8 rows with
 * a scale each. Per-channel, symmetric scales are what keep MiniLM-like models from the accuracy
 * collapse of per-tensor int8 (see {@link Int8DynamicLinear}).
 */
public record Int8Quantization(LayerSelection selection, boolean embeddings) implements CompressionMethod {

    /** Quantizes every linear layer but those whose names match {@code keep} (null: none kept), and the word embeddings if {@code embeddings}. */
    public Int8Quantization(String keep, boolean embeddings) {
        this(LayerSelection.keeping(keep), embeddings);
    }


    @Override
    public String settings() {
        return "per-channel symmetric int8 weights" + (embeddings ? ", int8 word embeddings" : "") + selection.describe();
    }

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        for (String layer : selection.layers(checkpoint)) {
            Int8DynamicLinear.quantize(tensors.remove(layer + ".weight")).putInto(tensors, layer);
        }
        if (embeddings && checkpoint.has(BertNames.WORD_EMBEDDINGS)) {
            RowQuantization.Rows rows = RowQuantization.int8(tensors.remove(BertNames.WORD_EMBEDDINGS));
            tensors.put(BertNames.WORD_EMBEDDINGS + ".q8", rows.codes());
            tensors.put(BertNames.WORD_EMBEDDINGS + ".q8_scale", rows.scales());
        }
        return new Checkpoint(checkpoint.config(), tensors).validate();
    }
}
