package compactqa.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Hugging Face names and shapes of a BERT encoder's tensors. */
public final class BertNames {

    public static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    public static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
    public static final String TYPE_EMBEDDINGS = "embeddings.token_type_embeddings.weight";
    public static final String EMBEDDINGS_NORM = "embeddings.LayerNorm";

    /** The linear layers of one transformer layer, as name suffixes after {@code encoder.layer.N.}. */
    public static final List<String> LAYER_LINEARS = List.of("attention.self.query", "attention.self.key",
            "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense");

    private BertNames() {
    }

    /** The names of every transformer linear layer, layer by layer (no heads, no embeddings). */
    public static List<String> linearLayers(EncoderConfig c) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < c.layers(); l++) {
            for (String linear : LAYER_LINEARS) {
                names.add(layer(l, linear));
            }
        }
        return names;
    }

    /** {@code encoder.layer.<layer>.<suffix>}. */
    public static String layer(int layer, String suffix) {
        return "encoder.layer." + layer + "." + suffix;
    }

    /** Every tensor an encoder of this configuration has, with its shape, in canonical order. */
    public static Map<String, long[]> expectedShapes(EncoderConfig c) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        long h = c.hidden();
        shapes.put(WORD_EMBEDDINGS, new long[] {c.vocab(), h});
        shapes.put(POSITION_EMBEDDINGS, new long[] {c.maxPositions(), h});
        shapes.put(TYPE_EMBEDDINGS, new long[] {c.typeVocab(), h});
        shapes.put(EMBEDDINGS_NORM + ".weight", new long[] {h});
        shapes.put(EMBEDDINGS_NORM + ".bias", new long[] {h});
        for (int l = 0; l < c.layers(); l++) {
            for (String linear : LAYER_LINEARS) {
                long out = linear.equals("intermediate.dense") ? c.intermediate() : h;
                long in = linear.equals("output.dense") ? c.intermediate() : h;
                shapes.put(layer(l, linear + ".weight"), new long[] {out, in});
                shapes.put(layer(l, linear + ".bias"), new long[] {out});
                if (linear.equals("attention.output.dense")) {
                    shapes.put(layer(l, "attention.output.LayerNorm.weight"), new long[] {h});
                    shapes.put(layer(l, "attention.output.LayerNorm.bias"), new long[] {h});
                }
            }
            shapes.put(layer(l, "output.LayerNorm.weight"), new long[] {h});
            shapes.put(layer(l, "output.LayerNorm.bias"), new long[] {h});
        }
        return shapes;
    }
}
