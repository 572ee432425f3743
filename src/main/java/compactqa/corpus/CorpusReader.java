package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Reads the paragraphs of one file format as {@link Document}s. Implementations are CDI beans;
 * {@link CorpusLoader} picks the first whose {@link #accepts} returns true for a file.
 */
public interface CorpusReader {

    /** The format's name as users see it, for example {@code jsonl}. */
    String format();

    /** The name of the format of a file of this shape, for readers that serve several formats. */
    default String format(JsonShape shape) {
        return format();
    }

    /** Whether this reader understands a file of this shape. */
    boolean accepts(JsonShape shape);

    /**
     * The paragraphs of the file, lazily where the format allows. The stream does not own
     * {@code in}; the caller closes both.
     *
     * @param in     the file's decompressed content
     * @param shape  the shape that {@link #accepts} approved
     * @param source the name the documents record as their source
     * @throws CorpusException for content that does not follow the format
     */
    Stream<Document> read(InputStream in, JsonShape shape, String source) throws IOException;
}
