package compactqa.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a BERT encoder, in the terms of a Hugging Face {@code BertConfig}.
 *
 * @param layers         transformer layers ({@code num_hidden_layers})
 * @param hidden         hidden size ({@code hidden_size})
 * @param heads          attention heads ({@code num_attention_heads}); divides {@code hidden}
 * @param intermediate   feed-forward size ({@code intermediate_size})
 * @param vocab          vocabulary size ({@code vocab_size})
 * @param maxPositions   position embeddings ({@code max_position_embeddings})
 * @param typeVocab      token type embeddings ({@code type_vocab_size})
 * @param layerNormEps   LayerNorm epsilon ({@code layer_norm_eps})
 */
public record EncoderConfig(int layers, int hidden, int heads, int intermediate, int vocab, int maxPositions,
                            int typeVocab, double layerNormEps) {

    public EncoderConfig {
        if (layers < 1 || hidden < 1 || heads < 1 || intermediate < 1 || vocab < 1 || maxPositions < 1 || typeVocab < 1) {
            throw new IllegalArgumentException("encoder dimensions must be positive: " + this);
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("LayerNorm epsilon must be positive, got " + layerNormEps);
        }
    }

    /** Size of one attention head. */
    public int headSize() {
        return hidden / heads;
    }

    /** A copy with another number of layers (layer reduction keeps everything else). */
    public EncoderConfig withLayers(int n) {
        return new EncoderConfig(n, hidden, heads, intermediate, vocab, maxPositions, typeVocab, layerNormEps);
    }

    /** The Hugging Face {@code config.json} fields of this configuration. */
    public Map<String, Object> toHuggingFace() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model_type", "bert");
        json.put("architectures", new String[] {"BertModel"});
        json.put("num_hidden_layers", layers);
        json.put("hidden_size", hidden);
        json.put("num_attention_heads", heads);
        json.put("intermediate_size", intermediate);
        json.put("vocab_size", vocab);
        json.put("max_position_embeddings", maxPositions);
        json.put("type_vocab_size", typeVocab);
        json.put("layer_norm_eps", layerNormEps);
        json.put("hidden_act", "gelu");
        return json;
    }

    /** The configuration in a Hugging Face {@code config.json}. */
    public static EncoderConfig fromHuggingFace(Map<String, ?> json) {
        Object type = json.get("model_type");
        if (type != null && !"bert".equals(type)) {
            throw new IllegalArgumentException("config.json describes a " + type + " model; only BERT encoders are supported");
        }
        Object activation = json.get("hidden_act");
        if (activation != null && !"gelu".equals(activation)) {
            throw new IllegalArgumentException("config.json uses activation " + activation + "; the exporter writes exact GELU only");
        }
        return new EncoderConfig(integer(json, "num_hidden_layers"), integer(json, "hidden_size"),
                integer(json, "num_attention_heads"), integer(json, "intermediate_size"), integer(json, "vocab_size"),
                integer(json, "max_position_embeddings"), integer(json, "type_vocab_size"),
                json.get("layer_norm_eps") instanceof Number n ? n.doubleValue() : 1e-12);
    }

    private static int integer(Map<String, ?> json, String key) {
        if (!(json.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("config.json lacks a number for " + key);
        }
        return n.intValue();
    }
}
