package compactqa.model;

import java.util.Arrays;
import java.util.List;

/**
 * Token sequences padded to the longest, as flat row-major arrays ready to become tensors.
 *
 * @param ids    token ids, {@code [PAD]} after each sequence's end
 * @param types  token type ids
 * @param mask   1 for real tokens, 0 for padding
 * @param rows   number of sequences
 * @param length padded length
 */
public record TokenBatch(long[] ids, long[] types, long[] mask, int rows, int length) {

    /** {@code sequences} padded to the longest of them. */
    public static TokenBatch of(List<TokenizedText> sequences) {
        int rows = sequences.size();
        int length = sequences.stream().mapToInt(TokenizedText::length).max().orElseThrow();
        long[] ids = new long[rows * length];
        long[] types = new long[rows * length];
        long[] mask = new long[rows * length];
        Arrays.fill(ids, TextTokenizer.PAD);
        for (int r = 0; r < rows; r++) {
            TokenizedText t = sequences.get(r);
            System.arraycopy(t.ids(), 0, ids, r * length, t.length());
            System.arraycopy(t.typeIds(), 0, types, r * length, t.length());
            Arrays.fill(mask, r * length, r * length + t.length(), 1);
        }
        return new TokenBatch(ids, types, mask, rows, length);
    }
}
