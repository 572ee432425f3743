package compactqa.model;

/** Element types of checkpoint tensors, named as safetensors names them. */
public enum DType {
    F32(4),
    F16(2),
    I8(1),
    /** Unsigned bytes, for packed low-bit weights. */
    U8(1),
    /** Integers, for index tensors. */
    I64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** The type named {@code name} in a safetensors header. */
    public static DType ofSafetensors(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unsupported safetensors dtype " + name);
        }
    }
}
