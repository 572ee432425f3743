package compactqa.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import compactqa.index.Embedder;
import compactqa.index.HashingEmbedder;
import compactqa.index.IndexConfig;
import compactqa.model.ModelConfig;
import compactqa.model.PretrainedEncoder;
import compactqa.model.TextEmbedder;
import compactqa.model.VectorCache;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The service's {@link Embedder}: the encoder {@code compactqa.index.dense.encoder} names
 * ({@code bge-small-en-v1.5}, or {@code hashing-384} for generated vectors), opened on first use (the index asks for it only where one is configured) and closed on shutdown.
 * Thread-safe.
 */
@ApplicationScoped
public class ServiceEmbedder implements Embedder {

    private final IndexConfig index;
    private final ModelConfig models;
    private Embedder open;

    @Inject
    public ServiceEmbedder(IndexConfig index, ModelConfig models) {
        this.index = index;
        this.models = models;
    }

    private synchronized Embedder embedder() {
        if (open == null) {
            String encoder = index.dense().encoder()
                    .orElseThrow(() -> new IllegalStateException("compactqa.index.dense.encoder is not set"));
            if (encoder.startsWith(HashingEmbedder.PREFIX)) { // generated vectors, for scale tests
                open = HashingEmbedder.named(encoder);
                return open;
            }
            try {
                TextEmbedder text = TextEmbedder.open(PretrainedEncoder.of(encoder), models.cache(), index.dense().tokens(),
                        models.threads());
                try {
                    open = new ParagraphEmbedder(text, index.dense().vectorCache().isEmpty() ? null
                            : VectorCache.open(index.dense().vectorCache().get(), text.id(), text.dimension()));
                } catch (IOException | RuntimeException e) {
                    text.close();
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the paragraph encoder " + encoder, e);
            }
        }
        return open;
    }

    @Override
    public String id() {
        return embedder().id();
    }

    @Override
    public int dimension() {
        return embedder().dimension();
    }

    @Override
    public List<float[]> paragraphs(List<Paragraph> paragraphs) {
        return embedder().paragraphs(paragraphs);
    }

    @Override
    public float[] query(String text) {
        return embedder().query(text);
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (open instanceof ParagraphEmbedder p) {
            p.close();
        }
        open = null;
    }
}
