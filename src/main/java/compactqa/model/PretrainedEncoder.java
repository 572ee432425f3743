package compactqa.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The pretrained encoders available here: the ONNX graphs and tokenizers inside the LangChain4j
 * model jars on the class path (see {@code pom.xml}). Their configurations are fixed by the
 * published models; importing checks every tensor against them.
 */
public enum PretrainedEncoder {

    /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, hidden 384, 12 heads. Apache-2.0. */
    MINILM_L6("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", Precision.FP32, 6),
    /** The same, dynamically quantized to int8 by ONNX Runtime's quantizer. Apache-2.0. */
    MINILM_L6_INT8("all-minilm-l6-v2-int8", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", Precision.INT8, 6),
    /** BAAI/bge-small-en-v1.5: 12 layers, hidden 384, 12 heads. MIT. */
    BGE_SMALL("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", Precision.FP32, 12);

    private final String id;
    private final String onnxResource;
    private final String tokenizerResource;
    private final Precision precision;
    private final EncoderConfig config;

    PretrainedEncoder(String id, String onnxResource, String tokenizerResource, Precision precision, int layers) {
        this.id = id;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.precision = precision;
        this.config = new EncoderConfig(layers, 384, 12, 1536, 30522, 512, 2, 1e-12);
    }

    /** The name users give, such as {@code all-minilm-l6-v2}. */
    public String id() {
        return id;
    }

    /** The class-path resource of the ONNX graph. */
    public String onnxResource() {
        return onnxResource;
    }

    /** The class-path resource of the Hugging Face {@code tokenizer.json}. */
    public String tokenizerResource() {
        return tokenizerResource;
    }

    /** The precision of the graph's weights. */
    public Precision precision() {
        return precision;
    }

    public EncoderConfig config() {
        return config;
    }

    /** The encoder named {@code id}. */
    public static PretrainedEncoder of(String id) {
        for (PretrainedEncoder e : values()) {
            if (e.id.equalsIgnoreCase(id.strip()) || e.name().equalsIgnoreCase(id.strip().replace('-', '_'))) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown encoder '" + id + "'; known: "
                + Arrays.stream(values()).map(PretrainedEncoder::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
