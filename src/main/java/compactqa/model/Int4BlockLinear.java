package compactqa.model;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * A linear layer with weight-only 4-bit codes in blocks along the input: ONNX Runtime's
 * {@code com.microsoft.MatMulNBits}. Each block of {@link #BLOCK} weights of an output row has
 * its own scale, {@code s = max|w| / 7}, and codes {@code round(w / s) + 8} in [1, 15] (symmetric,
 * so the operator's default zero point 8 applies and none is stored), two per byte, low nibble
 * first. The activations stay fp32. Tensors: {@code <name>.weight.q4} ({@code uint8 [out, blocks,
 * BLOCK / 2]}) and {@code <name>.weight.q4_scale} ({@code [out · blocks]}). Stateless.
 */
public final class Int4BlockLinear implements LinearForm {

    public static final Int4BlockLinear INSTANCE = new Int4BlockLinear();
    /** Weights per block (the operator needs a power of two, at least 16). */
    public static final int BLOCK = 32;
    public static final String CODES = ".weight.q4";
    public static final String SCALES = ".weight.q4_scale"; // both as Quantized.putInto names them

    private Int4BlockLinear() {
    }

    @Override
    public String emit(OnnxGraph graph, Checkpoint checkpoint, String name, String input) {
        Tensor codes = checkpoint.tensor(name + CODES);
        long out = codes.dim(0);
        long in = codes.dim(1) * BLOCK;
        String product = graph.microsoftNode("MatMulNBits", name + "/MatMulNBits", List.of(input,
                graph.exactInitializer(name + CODES, codes), graph.initializer(name + SCALES, checkpoint.tensor(name + SCALES))),
                Map.of("K", in, "N", out, "bits", 4L, "block_size", (long) BLOCK));
        return graph.node("Add", name + "/Add", List.of(product, graph.initializer(name + ".bias", checkpoint.tensor(name + ".bias"))));
    }

    /** The codes and scales of a weight {@code [out, in]}; {@code in} must be a multiple of {@link #BLOCK}. */
    public record Quantized(Tensor codes, Tensor scales) {
        /** Puts the codes and scales into {@code tensors} in place of the matrix named {@code weight}. */
        public void putInto(Map<String, Tensor> tensors, String weight) {
            tensors.put(weight + ".q4", codes);
            tensors.put(weight + ".q4_scale", scales);
        }
    }

    public static Quantized quantize(Tensor weight) {
        int out = (int) weight.dim(0);
        int in = (int) weight.dim(1);
        if (in % BLOCK != 0) {
            throw new IllegalArgumentException("int4 blocks need an input size divisible by " + BLOCK + ", got " + in);
        }
        int blocks = in / BLOCK;
        float[] w = weight.floats();
        byte[] codes = new byte[out * in / 2];
        float[] scales = new float[out * blocks];
        for (int o = 0; o < out; o++) {
            for (int b = 0; b < blocks; b++) {
                int from = o * in + b * BLOCK;
                float max = 0;
                for (int i = 0; i < BLOCK; i++) {
                    max = Math.max(max, Math.abs(w[from + i]));
                }
                float scale = max == 0 ? 1 : max / 7f;
                scales[o * blocks + b] = scale;
                for (int i = 0; i < BLOCK; i++) {
                    int code = Math.max(-7, Math.min(7, Math.round(w[from + i] / scale))) + 8;
                    int at = (o * blocks + b) * (BLOCK / 2) + i / 2;
                    codes[at] |= (byte) (i % 2 == 0 ? code : code << 4);
                }
            }
        }
        return new Quantized(Tensor.of(DType.U8, new long[] {out, blocks, BLOCK / 2}, ByteBuffer.wrap(codes)),
                Tensor.ofFloats(new long[] {(long) out * blocks}, scales));
    }

    /** The weight {@code [out, in]} the codes stand for, as the operator dequantizes it. */
    public static Tensor dequantize(Quantized q) {
        int out = (int) q.codes().dim(0);
        int blocks = (int) q.codes().dim(1);
        int in = blocks * BLOCK;
        byte[] codes = q.codes().bytes();
        float[] scales = q.scales().floats();
        float[] w = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                int b = i / BLOCK;
                int packed = codes[(o * blocks + b) * (BLOCK / 2) + (i % BLOCK) / 2] & 0xff;
                int code = (i % 2 == 0) ? packed & 0x0f : packed >>> 4;
                w[o * in + i] = (code - 8) * scales[o * blocks + b];
            }
        }
        return Tensor.ofFloats(new long[] {out, in}, w);
    }
}
