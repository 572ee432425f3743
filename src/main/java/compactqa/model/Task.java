package compactqa.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a trained model does, as its manifest and its recipe name it: {@code reader} or {@code compressor}. */
public enum Task {
    /** Answers from a context: a span, yes or no. */
    READER,
    /** Scores sentences for a question given evidence, and whether the evidence suffices. */
    COMPRESSOR;

    /** The name files use. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Task of(String id) {
        for (Task t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("task must be reader or compressor, got " + id);
    }

    @Override
    public String toString() {
        return id();
    }
}
