package compactqa.model;

/**
 * One tokenized sequence (a text, or one window of a text pair), before padding. The arrays are
 * shared, not copied, for speed: treat them as read-only.
 *
 * @param ids         token ids, special tokens included
 * @param typeIds     segment of each token: 0 for the first text, 1 for the second
 * @param sequenceIds which text each token comes from: 0, 1, or -1 for special tokens
 * @param charStarts  start of each token in its text, in characters; -1 for special tokens
 * @param charEnds    end (exclusive) of each token in its text; -1 for special tokens
 */
public record TokenizedText(long[] ids, long[] typeIds, int[] sequenceIds, int[] charStarts, int[] charEnds) {

    public TokenizedText {
        int n = ids.length;
        if (typeIds.length != n || sequenceIds.length != n || charStarts.length != n || charEnds.length != n) {
            throw new IllegalArgumentException("token arrays of different lengths");
        }
    }

    /** Number of tokens. */
    public int length() {
        return ids.length;
    }
}
