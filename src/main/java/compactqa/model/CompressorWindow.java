package compactqa.model;

import java.util.Arrays;

/**
 * One input of the compressor: {@code [CLS] question [SEP] evidence [SEP] title : [M] s1 [M] s2 ... [SEP]},
 * one marker token before each sentence, whose hidden state scores that sentence.
 *
 * @param ids       token ids
 * @param typeIds   0 for the question and evidence, 1 for the paragraph
 * @param markers   token positions of the markers
 * @param sentences for each marker, the index of its sentence in the paragraph
 */
public record CompressorWindow(long[] ids, long[] typeIds, int[] markers, int[] sentences) {

    public CompressorWindow {
        if (ids.length != typeIds.length || markers.length != sentences.length) {
            throw new IllegalArgumentException("inconsistent compressor window");
        }
    }

    public int length() {
        return ids.length;
    }

    /** As a tokenized text with no character offsets, for batching with the encoder. */
    public TokenizedText asTokens() {
        int n = ids.length;
        int[] none = new int[n];
        Arrays.fill(none, -1);
        return new TokenizedText(ids, typeIds, none, none, none);
    }
}
