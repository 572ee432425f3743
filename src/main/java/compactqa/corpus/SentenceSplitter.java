package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits English text into sentences with OpenNLP's maximum-entropy detector and its UD English
 * Web Treebank model (the {@code opennlp-models-sentdetect-en} jar on the class path).
 *
 * <p>Thread-safe: the model is shared and read-only; each call uses its own detector, because
 * {@link SentenceDetectorME} keeps per-call state.
 */
@ApplicationScoped
public class SentenceSplitter {

    /** The model file inside {@code org.apache.opennlp:opennlp-models-sentdetect-en:1.3.0}. */
    static final String MODEL_RESOURCE = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private final SentenceModel model;

    public SentenceSplitter() {
        try (InputStream in = SentenceSplitter.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sentence model " + MODEL_RESOURCE + " is not on the class path");
            }
            this.model = new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentence model " + MODEL_RESOURCE, e);
        }
    }

    /** The sentences of {@code text}, as trimmed spans in order; empty for blank text. */
    public List<Sentence> split(String text) {
        Span[] spans = new SentenceDetectorME(model).sentPosDetect(text);
        List<Sentence> sentences = new ArrayList<>(spans.length);
        for (Span span : spans) {
            Sentence s = Sentence.trimmed(text, span.getStart(), span.getEnd());
            if (s.start() < s.end()) {
                sentences.add(s);
            }
        }
        return sentences;
    }

    /**
     * A document made of a plain text paragraph, split into sentences here.
     *
     * @param id the id, or null to use the content key
     */
    public Document document(String id, String title, String text, String source) {
        return new Document(id != null ? id : Document.contentKey(title, text), title, text, split(text), source);
    }
}
