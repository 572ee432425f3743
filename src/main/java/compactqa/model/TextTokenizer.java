package compactqa.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;

/**
 * A Hugging Face WordPiece tokenizer configured explicitly, whatever the {@code tokenizer.json}
 * says about truncation and padding: single texts are truncated at the maximum length, pairs keep
 * the first text whole and cut the second into windows that overlap by the stride, pieces can be
 * tokenized without special tokens, and nothing is padded.
 *
 * <p>Thread-safe (the Rust tokenizer is); close it to free the native tokenizers.
 */
public final class TextTokenizer implements AutoCloseable {

    /** {@code [CLS]}, {@code [SEP]}, {@code [PAD]} and the first unused id of the BERT uncased vocabulary. */
    public static final long CLS = 101;
    public static final long SEP = 102;
    public static final long PAD = 0;
    /** {@code [unused0]}: never produced from text, so free to mark positions such as sentence starts. */
    public static final long MARKER = 1;

    private final HuggingFaceTokenizer single;
    private final HuggingFaceTokenizer pairs;
    private final HuggingFaceTokenizer raw;
    private final int maxLength;
    private final int stride;

    public TextTokenizer(Path tokenizerJson, int maxLength, int stride) throws IOException {
        HuggingFaceTokenizer s = null;
        HuggingFaceTokenizer p = null;
        try {
            s = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson).optAddSpecialTokens(true)
                    .optMaxLength(maxLength).optTruncation(true).optPadding(false).build();
            p = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson).optAddSpecialTokens(true)
                    .optMaxLength(maxLength).optTruncateSecondOnly().optPadding(false)
                    .optWithOverflowingTokens(true).optStride(stride).build();
            this.raw = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson).optAddSpecialTokens(false)
                    .optTruncation(false).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                s.close();
            }
            if (p != null) {
                p.close();
            }
            throw e;
        }
        this.single = s;
        this.pairs = p;
        this.maxLength = maxLength;
        this.stride = stride;
    }

    /** The vocabulary of a WordPiece {@code tokenizer.json}: each token at its id. */
    public static List<String> vocabulary(Path tokenizerJson) throws IOException {
        JsonNode vocab = new ObjectMapper().readTree(tokenizerJson.toFile()).path("model").path("vocab");
        if (!vocab.isObject() || vocab.isEmpty()) {
            throw new IOException(tokenizerJson + " has no model.vocab");
        }
        String[] tokens = new String[vocab.size()];
        vocab.fields().forEachRemaining(entry -> {
            int id = entry.getValue().asInt(-1);
            if (id < 0 || id >= tokens.length || tokens[id] != null) {
                throw new IllegalArgumentException(tokenizerJson + ": vocabulary ids are not 0 to " + (tokens.length - 1));
            }
            tokens[id] = entry.getKey();
        });
        return List.of(tokens);
    }

    public int maxLength() {
        return maxLength;
    }

    public int stride() {
        return stride;
    }

    /** {@code text} as one sequence with special tokens, truncated at the maximum length. */
    public TokenizedText tokenize(String text) {
        return toTokens(single.encode(text));
    }

    /** {@code text} as bare word pieces: no special tokens, no truncation. */
    public TokenizedText pieces(String text) {
        return toTokens(raw.encode(text));
    }

    /**
     * The pair ({@code first}, {@code second}) as one or more windows: each holds all of
     * {@code first} and a part of {@code second}, consecutive parts sharing {@code stride} tokens.
     *
     * @throws IllegalArgumentException if {@code second} must be cut but {@code first} leaves less
     *     than twice the stride for it: windows would then advance by less than a stride (by one
     *     token, at worst, hundreds of windows), and at or below the stride the native tokenizer
     *     aborts the process instead of failing
     */
    public List<TokenizedText> tokenizePair(String first, String second) {
        int firstTokens = raw.encode(first).getIds().length;
        int room = maxLength - firstTokens - 3;
        if (room < 2 * stride && raw.encode(second).getIds().length > room) {
            throw new IllegalArgumentException("the first text is too long: its " + firstTokens + " tokens leave " + Math.max(0, room)
                    + " of " + maxLength + " for the second, which needs at least " + 2 * stride + " to be cut into windows");
        }
        Encoding encoding = pairs.encode(first, second);
        List<TokenizedText> windows = new ArrayList<>();
        windows.add(toTokens(encoding));
        for (Encoding overflow : encoding.getOverflowing()) {
            windows.add(toTokens(overflow));
        }
        return windows;
    }

    private static TokenizedText toTokens(Encoding e) {
        long[] ids = e.getIds();
        long[] typeIds = e.getTypeIds();
        long[] sequence = e.getSequenceIds();
        long[] special = e.getSpecialTokenMask();
        CharSpan[] spans = e.getCharTokenSpans();
        int n = ids.length;
        int[] sequenceIds = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isSpecial = special[i] == 1 || spans[i] == null;
            sequenceIds[i] = isSpecial ? -1 : (int) sequence[i];
            starts[i] = isSpecial ? -1 : spans[i].getStart();
            ends[i] = isSpecial ? -1 : spans[i].getEnd();
        }
        return new TokenizedText(ids, typeIds, sequenceIds, starts, ends);
    }

    @Override
    public void close() {
        single.close();
        pairs.close();
        raw.close();
    }
}
