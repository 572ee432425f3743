package compactqa.dataset;

import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

import compactqa.corpus.CorpusException;
import compactqa.corpus.CorpusReader;
import compactqa.corpus.Document;
import compactqa.corpus.JsonShape;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the context paragraphs of question-answering data set files as corpus paragraphs, so that
 * a data set's own files can be indexed as its retrieval corpus (for example HotpotQA fullwiki's
 * paragraphs pooled with dev-500's).
 *
 * <p>Accepts every {@link DatasetFormat} that {@link DatasetFormat#hasParagraphs() has paragraphs},
 * that is all but HotpotQA's gold-sentence files. Paragraphs stream record by record (SQuAD article
 * by article) and come with repeats where questions share them: deduplication is the indexer's job
 * ({@link Document#contentKey()}). Paragraphs of questions left out as unanswerable are included.
 * Thread-safe.
 */
@ApplicationScoped
public class DatasetParagraphReader implements CorpusReader {

    private final DatasetLoader loader;

    @Inject
    public DatasetParagraphReader(DatasetLoader loader) {
        this.loader = loader;
    }

    /** The data set format's own name, such as {@code hotpotqa} or {@code musique}: one reader serves them all. */
    @Override
    public Optional<String> format(JsonShape shape) {
        return DatasetFormat.detect(shape).filter(DatasetFormat::hasParagraphs).map(DatasetFormat::label);
    }

    @Override
    public Stream<Document> read(InputStream in, JsonShape shape, String source) {
        DatasetFormat format = DatasetFormat.detect(shape).filter(DatasetFormat::hasParagraphs)
                .orElseThrow(() -> new CorpusException("not a data set format with paragraphs"));
        return loader.paragraphs(in, format, source);
    }
}
