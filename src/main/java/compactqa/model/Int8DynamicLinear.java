package compactqa.model;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * A linear layer with int8 weights and activations quantized on the fly: ONNX Runtime's
 * {@code com.microsoft.DynamicQuantizeMatMul}.
 *
 * <p>Weights are quantized symmetrically per output channel, {@code q = round(w / s)} with
 * {@code s = max|w_row| / 127}, so each row keeps its own range (per-tensor scales are what make
 * int8 MiniLM models collapse: one outlier row flattens every other); the range is symmetric, so
 * no code is -128. The bias stays fp32. Stateless.
 *
 * <p>Caveat: on x86 CPUs without VNNI, ONNX Runtime's u8 x s8 kernels add pairs of products in
 * saturating 16 bits (255 * 127 * 2 exceeds 32767), which 8-bit weights can hit; the usual cure is
 * 7-bit weights ("reduce range"). On this project's AVX2-only machine the hidden states keep a mean
 * per-token cosine of 0.989 to fp32 (0.990 for the jar's own int8 graph), so full 8-bit codes stay.
 *
 * <p>Where a layer's query, key and value are all of this form, {@link BertOnnxExporter} packs their
 * codes into one {@code com.microsoft.QAttention} instead of calling {@link #emit} three times.
 */
public final class Int8DynamicLinear implements LinearForm {

    public static final Int8DynamicLinear INSTANCE = new Int8DynamicLinear();

    private Int8DynamicLinear() {
    }

    /** Suffix of stored codes {@code int8 [in, out]}, when a compressed checkpoint holds them. */
    public static final String CODES = ".weight.q8";
    /** Suffix of stored per-output-channel scales {@code [out]}. */
    public static final String SCALES = ".weight.q8_scale";

    @Override
    public String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input) {
        Quantized q = of(checkpoint, name);
        String weights = graph.exactInitializer(name + ".weight_q", q.codes());
        String scales = graph.initializer(name + ".weight_scale", q.scales());
        String zeros = graph.exactInitializer(name + ".weight_zero", Tensor.ofBytes(new long[] {q.scales().count()},
                new byte[(int) q.scales().count()]));
        String bias = graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"));
        return graph.microsoftNode("DynamicQuantizeMatMul", name + "/QMatMul", List.of(input, weights, scales, zeros, bias), Map.of());
    }

    /**
     * The int8 codes {@code [in, out]} (transposed for MatMul) and per-output-channel scales {@code [out]}.
     *
     * @param codes  quantized weights, in [-127, 127]
     * @param scales one scale per output channel
     */
    public record Quantized(Tensor codes, Tensor scales) {
        /** Puts the codes and scales into {@code tensors} under the names layer {@code layer} reads them by. */
        public void putInto(Map<String, Tensor> tensors, String layer) {
            tensors.put(layer + CODES, codes);
            tensors.put(layer + SCALES, scales);
        }
    }

    /** The codes of layer {@code name}: stored ones when the checkpoint holds them, else quantized now. */
    public static Quantized of(Checkpoint checkpoint, String name) {
        return checkpoint.has(name + CODES)
                ? new Quantized(checkpoint.tensor(name + CODES), checkpoint.tensor(name + SCALES))
                : quantize(checkpoint.tensor(name + ".weight"));
    }

    /** Quantizes a Hugging Face weight {@code [out, in]}. */
    public static Quantized quantize(Tensor weight) {
        int out = (int) weight.dim(0);
        int in = (int) weight.dim(1);
        float[] w = weight.floats();
        float[] scales = new float[out];
        byte[] codes = new byte[in * out];
        for (int o = 0; o < out; o++) {
            float max = 0;
            for (int i = 0; i < in; i++) {
                max = Math.max(max, Math.abs(w[o * in + i]));
            }
            float scale = max == 0 ? 1 : max / 127f;
            scales[o] = scale;
            for (int i = 0; i < in; i++) {
                codes[i * out + o] = (byte) Math.max(-127, Math.min(127, Math.round(w[o * in + i] / scale)));
            }
        }
        return new Quantized(Tensor.of(DType.I8, new long[] {in, out}, ByteBuffer.wrap(codes)),
                Tensor.ofFloats(new long[] {out}, scales));
    }
}
