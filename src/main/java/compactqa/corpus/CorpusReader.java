package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the paragraphs of one file format as {@link Document}s. Implementations are CDI beans;
 * {@link CorpusLoader} picks the first that names a {@link #format} for a file.
 */
public interface CorpusReader {

    /**
     * The name users know the format of a file of this shape by (for example {@code jsonl}, or a
     * data set's own name such as {@code hotpotqa}) if this reader reads it, else empty.
     */
    Optional<String> format(JsonShape shape);

    /**
     * The paragraphs of the file, lazily where the format allows. The stream does not own
     * {@code in}; the caller closes both.
     *
     * @param in     the file's decompressed content
     * @param shape  the shape this reader named a {@link #format} for
     * @param source the name the documents record as their source
     * @throws CorpusException for content that does not follow the format
     */
    Stream<Document> read(InputStream in, JsonShape shape, String source) throws IOException;
}
