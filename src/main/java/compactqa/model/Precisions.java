package compactqa.model;

/**
 * The precisions the reader and the compressor run at, which need not be the same: int8 costs the
 * reader more validation F1 than it costs the compressor, and the compressor is where a question's
 * time goes ({@code qa eval precision}).
 */
public record Precisions(Precision reader, Precision compressor) {

    public Precisions {
        if (reader == null || compressor == null) {
            throw new IllegalArgumentException("a precision for the reader and one for the compressor are needed");
        }
    }

    /** Both models at {@code precision}. */
    public static Precisions both(Precision precision) {
        return new Precisions(precision, precision);
    }

    /** The precisions {@link #id()} names: {@code fp32}, {@code int8}, or {@code reader-P+compressor-P}. */
    public static Precisions of(String id) {
        String s = id.strip();
        if (!s.contains("+")) {
            return both(Precision.of(s));
        }
        String[] parts = s.split("\\+", -1);
        if (parts.length != 2 || !parts[0].startsWith("reader-") || !parts[1].startsWith("compressor-")) {
            throw new IllegalArgumentException("precision must be fp32, int8 or reader-P+compressor-P (P: fp32 or int8), got " + id);
        }
        return new Precisions(Precision.of(parts[0].substring("reader-".length())), Precision.of(parts[1].substring("compressor-".length())));
    }

    /** {@code fp32} or {@code int8} where both are at it, else {@code reader-fp32+compressor-int8} and the like. */
    public String id() {
        return reader == compressor ? reader.id() : "reader-" + reader.id() + "+compressor-" + compressor.id();
    }

    /** Whether either model runs on int8 products (whose results differ between kinds of int8 CPU). */
    public boolean anyInt8() {
        return reader == Precision.INT8 || compressor == Precision.INT8;
    }
}
