package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    /** Abbreviations after which the model's sentence breaks are undone. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Ft", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt",
            "Sgt", "Capt", "Cmdr", "Adm", "Rev", "Hon", "Pres", "vs", "No", "Nos", "Vol", "approx", "ca", "c", "cf",
            "e.g", "i.e", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec");
    // Not here: "Inc", "Co", "U.S" and the like end sentences as often as they sit inside them.

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

    /**
     * The sentences of {@code text}, as trimmed spans in order; empty for blank text. A break the
     * model places right after an initial ("F. Hugh Herbert", "J. R. R. Tolkien") or a common
     * abbreviation ("Dr.", "St.", "Jr.") is undone: encyclopedic text is full of them and the model,
     * trained on web text, splits there.
     */
    public List<Sentence> split(String text) {
        Span[] spans = new SentenceDetectorME(model).sentPosDetect(text);
        List<Sentence> sentences = new ArrayList<>(spans.length);
        int start = -1;
        for (Span span : spans) {
            if (start < 0) {
                start = span.getStart();
            }
            if (!endsWithAbbreviation(text, span.getEnd())) {
                addTrimmed(sentences, text, start, span.getEnd());
                start = -1;
            }
        }
        if (start >= 0) {
            addTrimmed(sentences, text, start, spans[spans.length - 1].getEnd());
        }
        return sentences;
    }

    private static void addTrimmed(List<Sentence> sentences, String text, int start, int end) {
        Sentence s = Sentence.trimmed(text, start, end);
        if (s.start() < s.end()) {
            sentences.add(s);
        }
    }

    /** Whether the text before {@code end} finishes with an initial or an abbreviation and its period. */
    static boolean endsWithAbbreviation(String text, int end) {
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end < 2 || text.charAt(end - 1) != '.') {
            return false;
        }
        int wordStart = end - 1;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1)) && text.charAt(wordStart - 1) != '(') {
            wordStart--;
        }
        String word = text.substring(wordStart, end - 1);
        // "I" is left out: "World War I." and "Elizabeth I." end sentences far more often than an initial I.
        return (word.length() == 1 && Character.isUpperCase(word.charAt(0)) && word.charAt(0) != 'I')
                || ABBREVIATIONS.contains(word);
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
