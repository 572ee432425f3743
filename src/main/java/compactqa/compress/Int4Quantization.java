package compactqa.compress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import compactqa.model.BertNames;
import compactqa.model.Checkpoint;
import compactqa.model.Int4BlockLinear;
import compactqa.model.Tensor;

/**
 * Weight-only int4: each selected linear layer's weight as 4-bit codes in blocks of
 * {@value Int4BlockLinear#BLOCK} along the input with a scale per block, run by ONNX Runtime's
 * {@code MatMulNBits}. The word embeddings are stored the same way on disk and widened to fp32
 * when the model is loaded (no ONNX Runtime kernel gathers 4-bit rows on this version), so the
 * disk shrinks and the memory does not.
 */
public record Int4Quantization(LayerSelection selection, boolean embeddings) implements CompressionMethod {

    /** Quantizes every linear layer but those whose names match {@code keep} (null: none kept), and the word embeddings if {@code embeddings}. */
    public Int4Quantization(String keep, boolean embeddings) {
        this(LayerSelection.keeping(keep), embeddings);
    }


    @Override
    public String settings() {
        return "4-bit weights in blocks of " + Int4BlockLinear.BLOCK + (embeddings ? ", 4-bit word embeddings on disk" : "")
                + selection.describe();
    }

    @Override
    public Checkpoint apply(Checkpoint checkpoint, Calibration calibration) {
        Map<String, Tensor> tensors = new LinkedHashMap<>(checkpoint.tensors());
        List<String> weights = new ArrayList<>(selection.layers(checkpoint).stream().map(layer -> layer + ".weight").toList());
        if (embeddings && checkpoint.has(BertNames.WORD_EMBEDDINGS)) {
            weights.add(BertNames.WORD_EMBEDDINGS); // the same blocks on disk; widened to fp32 on loading
        }
        for (String weight : weights) {
            Int4BlockLinear.quantize(tensors.remove(weight)).putInto(tensors, weight);
        }
        return new Checkpoint(checkpoint.config(), tensors).validate();
    }
}
