package compactqa.train;

import compactqa.model.TokenizedText;

/**
 * One window of a reader example with its labels: the start and end token of the answer, both 0
 * ({@code [CLS]}) when the window does not hold it or the answer is yes / no, and the answer type.
 */
record ReaderFeature(TokenizedText tokens, int start, int end, int type) implements Feature {

    @Override
    public int length() {
        return tokens.length();
    }
}
