package compactqa.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Dense vectors of texts from a pretrained sentence encoder in its jar, for retrieval: each
 * L2-normalized, so that the dot product of two is their cosine. bge-small-en-v1.5 pools its
 * {@code [CLS]} state and wants queries prefixed with the instruction it was trained with;
 * all-MiniLM-L6-v2 averages its token states and takes queries as they are. Thread-safe (the
 * ONNX Runtime session is); close it where it was opened.
 */
public final class TextEmbedder implements AutoCloseable {

    /** bge's instruction for short queries that retrieve passages (from its model card). */
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    /** Texts per ONNX Runtime call; texts are sorted by length first, so a batch pads little. */
    private static final int BATCH = 16;

    private final Encoder encoder;
    private final PretrainedEncoder base;

    private TextEmbedder(Encoder encoder, PretrainedEncoder base) {
        this.encoder = encoder;
        this.base = base;
    }

    /**
     * Opens {@code base} reading at most {@code maxTokens} word pieces of a text (longer ones are
     * cut: a paragraph's opening says most of what it is about) with {@code threads} intra-op threads.
     */
    public static TextEmbedder open(PretrainedEncoder base, ModelCache cache, int maxTokens, int threads) throws IOException {
        if (base == PretrainedEncoder.MINILM_L6_INT8) {
            throw new IllegalArgumentException("embed with a fp32 encoder: " + base + " is a quantized copy");
        }
        return new TextEmbedder(Encoder.open(base, cache, new EncoderOptions(maxTokens, 0, threads, "all")), base);
    }

    /** The encoder and how it reads, as an index records it: vectors of different embedders do not mix. */
    public String id() {
        return base.id() + "/" + pooling().name().toLowerCase(Locale.ROOT) + "/" + encoder.options().maxLength();
    }

    public int dimension() {
        return base.config().hidden();
    }

    /** The vector of a search query. */
    public float[] embedQuery(String query) {
        String text = base == PretrainedEncoder.BGE_SMALL ? BGE_QUERY_INSTRUCTION + query : query;
        return embed(List.of(text)).get(0);
    }

    /** The vector of each passage (a paragraph's title and text), in the order given. */
    public List<float[]> embedPassages(List<String> passages) {
        return embed(passages);
    }

    /** A paragraph as a passage to embed: its title, then its text. */
    public static String passage(String title, String text) {
        return title == null || title.isBlank() ? text : title + "\n" + text;
    }

    private List<float[]> embed(List<String> texts) {
        List<TokenizedText> tokens = texts.stream().map(encoder::tokenize).toList();
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).length()));
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < order.length; from += BATCH) {
            List<TokenizedText> batch = new ArrayList<>();
            for (int j = from; j < Math.min(order.length, from + BATCH); j++) {
                batch.add(tokens.get(order[j]));
            }
            FloatArray states = encoder.run(batch).get("last_hidden_state");
            for (int row = 0; row < batch.size(); row++) {
                vectors[order[from + row]] = normalized(pool(states, row, batch.get(row).length()));
            }
        }
        return List.of(vectors);
    }

    private Pooling pooling() {
        return base == PretrainedEncoder.BGE_SMALL ? Pooling.CLS : Pooling.MEAN;
    }

    private float[] pool(FloatArray states, int row, int length) {
        if (pooling() == Pooling.CLS) {
            return states.vector(row, 0);
        }
        int hidden = (int) states.shape()[2];
        float[] mean = new float[hidden];
        for (int t = 0; t < length; t++) {
            float[] v = states.vector(row, t);
            for (int h = 0; h < hidden; h++) {
                mean[h] += v[h] / length;
            }
        }
        return mean;
    }

    static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }

    private enum Pooling {
        CLS, MEAN
    }

    @Override
    public void close() {
        encoder.close();
    }
}
