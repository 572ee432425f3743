package compactqa.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A named weight tensor of a checkpoint: a shape, an element type and little-endian raw data.
 * Immutable: the data buffer is read-only and never handed out writable.
 */
public final class Tensor {

    private final DType dtype;
    private final long[] shape;
    private final ByteBuffer data;

    private Tensor(DType dtype, long[] shape, ByteBuffer data) {
        long count = count(shape);
        if (count * dtype.bytes() != data.remaining()) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " and type " + dtype
                    + " needs " + count * dtype.bytes() + " bytes, got " + data.remaining());
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A tensor over {@code data} (little-endian, exactly the elements' bytes). */
    public static Tensor of(DType dtype, long[] shape, ByteBuffer data) {
        return new Tensor(dtype, shape, data.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** An fp32 tensor holding {@code values}. */
    public static Tensor ofFloats(long[] shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new Tensor(DType.F32, shape, buffer);
    }

    /** An int8 tensor holding {@code values}. */
    public static Tensor ofBytes(long[] shape, byte[] values) {
        return new Tensor(DType.I8, shape, ByteBuffer.wrap(values.clone()));
    }

    public DType dtype() {
        return dtype;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public long count() {
        return count(shape);
    }

    /** Bytes of data. */
    public long byteSize() {
        return data.remaining();
    }

    /** A read-only little-endian view of the raw data. */
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The elements as floats (fp16 widened); int8 is not float data and is refused. */
    public float[] floats() {
        int n = Math.toIntExact(count());
        float[] out = new float[n];
        ByteBuffer d = data();
        switch (dtype) {
            case F32 -> d.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Float.float16ToFloat(d.getShort(2 * i));
                }
            }
            default -> throw new IllegalStateException("a " + dtype + " tensor has no float values");
        }
        return out;
    }

    /** The elements as bytes, for int8 and uint8 tensors. */
    public byte[] bytes() {
        if (dtype != DType.I8 && dtype != DType.U8) {
            throw new IllegalStateException("a " + dtype + " tensor has no byte values");
        }
        byte[] out = new byte[Math.toIntExact(count())];
        data().get(out);
        return out;
    }

    /** This fp32 tensor in fp16, rounding to nearest even. */
    public Tensor toF16() {
        float[] values = floats();
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putShort(Float.floatToFloat16(v));
        }
        return new Tensor(DType.F16, shape, buffer.flip());
    }

    /** This 2-D float tensor transposed, in fp32. */
    public Tensor transposed() {
        if (rank() != 2) {
            throw new IllegalStateException("only a matrix can be transposed, not a tensor of shape " + Arrays.toString(shape));
        }
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] in = floats();
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = in[r * cols + c];
            }
        }
        return ofFloats(new long[] {cols, rows}, out);
    }

    /** Whether the shape is exactly {@code expected}. */
    public boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }

    private static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
