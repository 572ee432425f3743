package compactqa.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import compactqa.corpus.Document;
import compactqa.index.Embedder;
import compactqa.model.TextEmbedder;
import compactqa.model.VectorCache;

/**
 * The index's {@link Embedder} over a pretrained sentence encoder: the bridge between the index,
 * which knows no tensors, and the model package. With a {@link VectorCache}, a paragraph embedded
 * before (by its content key) is taken from it. Closing it closes the encoder and the cache.
 *
 * @param cache vectors embedded before, or null
 */
public record ParagraphEmbedder(TextEmbedder encoder, VectorCache cache) implements Embedder, AutoCloseable {

    public ParagraphEmbedder(TextEmbedder encoder) {
        this(encoder, null);
    }

    @Override
    public String id() {
        return encoder.id();
    }

    @Override
    public int dimension() {
        return encoder.dimension();
    }

    @Override
    public List<float[]> paragraphs(List<Paragraph> paragraphs) {
        if (cache == null) {
            return encoder.embedPassages(paragraphs.stream().map(p -> TextEmbedder.passage(p.title(), p.text())).toList());
        }
        List<String> keys = paragraphs.stream().map(p -> Document.contentKey(p.title(), p.text())).toList();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (cache.get(keys.get(i)) == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> fresh = encoder.embedPassages(missing.stream()
                    .map(i -> TextEmbedder.passage(paragraphs.get(i).title(), paragraphs.get(i).text())).toList());
            try {
                cache.putAll(missing.stream().map(keys::get).toList(), fresh);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the vector cache", e);
            }
        }
        return keys.stream().map(cache::get).toList();
    }

    @Override
    public float[] query(String text) {
        return encoder.embedQuery(text);
    }

    @Override
    public void close() throws IOException {
        try (VectorCache c = cache) {
            encoder.close();
        }
    }
}
