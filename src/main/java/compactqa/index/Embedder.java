package compactqa.index;

import java.util.List;

/**
 * Turns paragraphs and queries into unit-length vectors for the index's dense field, so that a
 * dot product is a cosine. Implemented over a sentence encoder outside this package (the index
 * knows no tensors). Thread-safe.
 */
public interface Embedder {

    /**
     * What the vectors are: the encoder and how it reads. An index records the id it was built
     * with and is searched densely only with the same.
     */
    String id();

    /** The vectors' length. */
    int dimension();

    /** The vector of each paragraph, given as title and text, in the order given. */
    List<float[]> paragraphs(List<Paragraph> paragraphs);

    /** The vector of a search query. */
    float[] query(String text);

    /** What a paragraph's vector is made from. */
    record Paragraph(String title, String text) {
    }
}
