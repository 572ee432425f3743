package compactqa.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the compressor's inputs: a question, the evidence selected so far, and one paragraph whose
 * sentences each get a marker, so that one pass scores every sentence of the paragraph.
 *
 * <p>The question keeps at most {@code maxQuestionTokens} word pieces, the evidence at most
 * {@code maxEvidenceTokens} (its first sentences first) and the title at most 32; a paragraph too long for one window
 * continues in further windows that repeat the question and evidence. Empty sentences get no
 * marker. Thread-safe if the tokenizer is.
 */
public final class CompressorFeaturizer {

    /** Word pieces of a title kept; titles are names, and a window must keep room for sentences. */
    static final int MAX_TITLE_TOKENS = 32;

    private final TextTokenizer tokenizer;
    private final int maxLength;
    private final int maxQuestionTokens;
    private final int maxEvidenceTokens;

    public CompressorFeaturizer(TextTokenizer tokenizer, int maxLength, int maxQuestionTokens, int maxEvidenceTokens) {
        if (maxQuestionTokens + maxEvidenceTokens + MAX_TITLE_TOKENS + 16 > maxLength) {
            throw new IllegalArgumentException("question and evidence budgets leave no room for the paragraph");
        }
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.maxQuestionTokens = maxQuestionTokens;
        this.maxEvidenceTokens = maxEvidenceTokens;
    }

    /** The windows scoring every non-empty sentence of the paragraph once. */
    public List<CompressorWindow> windows(String question, List<String> evidence, String title, List<String> sentences) {
        long[] prefixIds = prefix(question, evidence);
        long[] titleIds = tokenizer.pieces(title.isBlank() ? "" : title + " :").ids();
        if (titleIds.length > MAX_TITLE_TOKENS) {
            titleIds = Arrays.copyOf(titleIds, MAX_TITLE_TOKENS);
        }
        List<CompressorWindow> windows = new ArrayList<>();
        Builder current = new Builder(prefixIds, titleIds);
        for (int s = 0; s < sentences.size(); s++) {
            if (sentences.get(s).isBlank()) {
                continue;
            }
            long[] pieces = tokenizer.pieces(sentences.get(s)).ids();
            int room = maxLength - current.size() - 2; // the marker and the final [SEP]
            if (pieces.length > room && current.markers.size() > 0) {
                windows.add(current.build());
                current = new Builder(prefixIds, titleIds);
                room = maxLength - current.size() - 2;
            }
            current.addSentence(s, pieces.length > room ? Arrays.copyOf(pieces, Math.max(0, room)) : pieces);
        }
        if (current.markers.size() > 0 || windows.isEmpty()) {
            windows.add(current.build());
        }
        return windows;
    }

    /** {@code [CLS] question [SEP] evidence [SEP]}. */
    private long[] prefix(String question, List<String> evidence) {
        long[] q = tokenizer.pieces(question).ids();
        q = Arrays.copyOf(q, Math.min(q.length, maxQuestionTokens));
        long[] e = tokenizer.pieces(String.join(" ", evidence)).ids();
        e = Arrays.copyOf(e, Math.min(e.length, maxEvidenceTokens));
        long[] prefix = new long[q.length + e.length + 3];
        prefix[0] = TextTokenizer.CLS;
        System.arraycopy(q, 0, prefix, 1, q.length);
        prefix[q.length + 1] = TextTokenizer.SEP;
        System.arraycopy(e, 0, prefix, q.length + 2, e.length);
        prefix[prefix.length - 1] = TextTokenizer.SEP;
        return prefix;
    }

    /** Accumulates one window. */
    private static final class Builder {
        private final int prefixLength;
        private final List<Long> ids = new ArrayList<>();
        private final List<Integer> markers = new ArrayList<>();
        private final List<Integer> sentences = new ArrayList<>();

        Builder(long[] prefix, long[] title) {
            for (long id : prefix) {
                ids.add(id);
            }
            prefixLength = prefix.length;
            for (long id : title) {
                ids.add(id);
            }
        }

        int size() {
            return ids.size();
        }

        void addSentence(int index, long[] pieces) {
            markers.add(ids.size());
            sentences.add(index);
            ids.add(TextTokenizer.MARKER);
            for (long id : pieces) {
                ids.add(id);
            }
        }

        CompressorWindow build() {
            ids.add(TextTokenizer.SEP);
            long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
            long[] types = new long[idArray.length];
            Arrays.fill(types, prefixLength, types.length, 1);
            return new CompressorWindow(idArray, types, markers.stream().mapToInt(Integer::intValue).toArray(),
                    sentences.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
