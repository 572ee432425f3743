package compactqa.model;

import java.util.Locale;
import java.util.function.Function;

/** The numeric form a model's linear layers are exported in for ONNX Runtime. */
public enum Precision {
    /** fp32 weights, ONNX Runtime's fused attention. */
    FP32,
    /** int8 weights per output channel, activations quantized on the fly ({@link Int8DynamicLinear}). */
    INT8;

    /** The linear form of every layer at this precision. */
    public Function<String, LinearForm> forms() {
        return switch (this) {
            case FP32 -> BertOnnxExporter.DENSE;
            case INT8 -> name -> Int8DynamicLinear.INSTANCE;
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Precision of(String id) {
        try {
            return valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("precision must be fp32 or int8, got " + id);
        }
    }
}
