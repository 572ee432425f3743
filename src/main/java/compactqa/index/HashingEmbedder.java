package compactqa.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vectors without an encoder: each word of a text adds ±1 on a few coordinates its hash picks (a
 * sparse random projection of the bag of words), and the sum is scaled to unit length. Texts that
 * share words get near vectors, so the HNSW graph has the neighbourhoods of a real corpus, at a cost
 * of microseconds per paragraph. What it is for: building and timing the dense field at Wikipedia
 * scale (millions of paragraphs) on a machine where a real encoder reads a few dozen paragraphs a
 * second. Its rankings are lexical and not what the service ships; an index records this embedder's
 * id, so a real encoder never searches its vectors.
 */
public final class HashingEmbedder implements Embedder {

    /** The encoder name that selects it, followed by the dimension: {@code hashing-384}. */
    public static final String PREFIX = "hashing-";
    private static final int HITS_PER_WORD = 8;

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < HITS_PER_WORD) {
            throw new IllegalArgumentException("dimension must be at least " + HITS_PER_WORD + ", got " + dimension);
        }
        this.dimension = dimension;
    }

    /** The embedder an encoder name such as {@code hashing-384} names. */
    public static HashingEmbedder named(String name) {
        if (!name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a hashing embedder: " + name);
        }
        try {
            return new HashingEmbedder(Integer.parseInt(name.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the hashing embedder's name ends with its dimension, e.g. hashing-384: " + name);
        }
    }

    @Override
    public String id() {
        return PREFIX + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> paragraphs(List<Paragraph> paragraphs) {
        List<float[]> out = new ArrayList<>(paragraphs.size());
        for (Paragraph p : paragraphs) {
            out.add(vector(p.title() + " " + p.text()));
        }
        return out;
    }

    @Override
    public float[] query(String text) {
        return vector(text);
    }

    float[] vector(String text) {
        float[] v = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long h = mix(word.hashCode());
            for (int i = 0; i < HITS_PER_WORD; i++) {
                h = mix(h + i);
                v[(int) Long.remainderUnsigned(h, dimension)] += (h & (1L << 40)) == 0 ? 1 : -1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1; // an empty text still needs a unit vector
            return v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    /** SplitMix64's finalizer: every bit of the input moves every bit of the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
