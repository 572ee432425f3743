package compactqa.corpus;

/** What kind of answer the reader gives: a span of the context, or yes, or no. */
public enum AnswerType {
    SPAN, YES, NO;

    /** The class index in the reader's answer-type head. */
    public int index() {
        return ordinal();
    }
}
