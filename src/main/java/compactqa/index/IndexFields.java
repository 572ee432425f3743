package compactqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import compactqa.corpus.Document;
import compactqa.corpus.Sentence;

/**
 * How a {@link Document} is laid out in a Lucene document, and back.
 *
 * <p>{@code title} and {@code text} are analyzed for BM25 and stored; {@code id}, {@code key}
 * (the content key that deduplicates paragraphs) and {@code source} are exact terms;
 * {@code sentences} stores the sentence spans as variable-length integers (start, then length,
 * each relative to the previous end), so the sentences come back with the document without
 * storing their text twice. {@code vector}, in an index built with an {@link Embedder}, holds the
 * paragraph's unit vector for nearest-neighbour search.
 */
final class IndexFields {

    static final String ID = "id";
    static final String KEY = "key";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String SOURCE = "source";
    static final String SENTENCES = "sentences";
    /** The paragraph's unit vector from the index's {@link Embedder}, in an HNSW graph; absent in a BM25-only index. */
    static final String VECTOR = "vector";

    private IndexFields() {
    }

    /** {@code doc} as Lucene stores it, with its {@code vector} (null for none). */
    static org.apache.lucene.document.Document toLucene(Document doc, float[] vector) {
        org.apache.lucene.document.Document lucene = new org.apache.lucene.document.Document();
        if (vector != null) {
            // unit vectors: the dot product is the cosine, and the cheapest similarity to compute
            lucene.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        lucene.add(new StringField(ID, doc.id(), Field.Store.YES));
        lucene.add(new StringField(KEY, doc.contentKey(), Field.Store.NO));
        lucene.add(new TextField(TITLE, doc.title(), Field.Store.YES));
        lucene.add(new TextField(TEXT, doc.text(), Field.Store.YES));
        lucene.add(new StringField(SOURCE, doc.source(), Field.Store.YES));
        lucene.add(new StoredField(SENTENCES, encodeSpans(doc.sentences())));
        return lucene;
    }

    static Document fromLucene(org.apache.lucene.document.Document lucene) {
        String text = lucene.get(TEXT);
        BytesRef spans = lucene.getBinaryValue(SENTENCES);
        return new Document(lucene.get(ID), lucene.get(TITLE), text, decodeSpans(spans, text), lucene.get(SOURCE));
    }

    static BytesRef encodeSpans(List<Sentence> sentences) {
        try {
            ByteBuffersDataOutput out = new ByteBuffersDataOutput();
            out.writeVInt(sentences.size());
            int previousEnd = 0;
            for (Sentence s : sentences) {
                out.writeVInt(s.start() - previousEnd);
                out.writeVInt(s.end() - s.start());
                previousEnd = s.end();
            }
            return new BytesRef(out.toArrayCopy());
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory output cannot fail", e);
        }
    }

    static List<Sentence> decodeSpans(BytesRef bytes, String text) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        int n = in.readVInt();
        List<Sentence> sentences = new ArrayList<>(n);
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            int start = previousEnd + in.readVInt();
            int end = start + in.readVInt();
            sentences.add(new Sentence(start, end, text.substring(start, end)));
            previousEnd = end;
        }
        return sentences;
    }
}
