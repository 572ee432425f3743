package compactqa.model;

/**
 * One window of a question and context for the reader: the tokens of
 * {@code [CLS] question [SEP] part of the context [SEP]}, whose context tokens carry character
 * offsets into the context.
 */
public record ReaderWindow(TokenizedText tokens) {

    /** Whether token {@code i} belongs to the context (not the question, not a special token). */
    public boolean isContext(int i) {
        return tokens.sequenceIds()[i] == 1;
    }

    /** The first and last context token indices, or {-1, -1} if the window has none. */
    public int[] contextRange() {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.length(); i++) {
            if (isContext(i)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return new int[] {first, last};
    }
}
