package compactqa.qa;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import compactqa.corpus.AnswerType;

/**
 * What kind of answer the service gave: the reader's three ({@code span}, {@code yes}, {@code no}),
 * or {@code none} when the caller's confidence threshold was not reached. Spelled in lower case
 * wherever it is written, as the README spells it.
 */
public enum AnswerKind {
    SPAN, YES, NO, NONE;

    /** The kind of a reader's answer of {@code type}. */
    public static AnswerKind of(AnswerType type) {
        return switch (type) {
            case SPAN -> SPAN;
            case YES -> YES;
            case NO -> NO;
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
