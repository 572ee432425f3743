package compactqa.compress;

import java.util.Arrays;
import java.util.Locale;

/** The offline compression methods {@code qa compress} chains, by the names the command line and results use. */
public enum Method {
    INT8("int8"),
    INT4("int4"),
    SVD("svd"),
    /** SVD weighted by the layer inputs' mean squares (activation-aware). */
    SVD_AA("svd-aa"),
    AUTOENCODER("autoencoder"),
    MPO("mpo"),
    EMBED_SVD("embed-svd"),
    EMBED_DIRECTION("embed-direction"),
    DROP("drop");

    /** Every label, comma-separated, for help texts and errors (a constant, so that annotations can say it; MethodTest checks it). */
    public static final String NAMES = "int8, int4, svd, svd-aa, autoencoder, mpo, embed-svd, embed-direction, drop";

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The method labelled {@code name}, ignoring case and surrounding space. */
    public static Method of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no compression method " + name + "; the methods are " + NAMES));
    }

    /** Whether it reads the calibration statistics (layer inputs) of the uncompressed model. */
    public boolean calibrates() {
        return this == SVD_AA || this == MPO;
    }

    /** Whether it ranks layers by the model's output drift. */
    public boolean probes() {
        return this == MPO;
    }
}
