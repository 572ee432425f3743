package compactqa.corpus;

import java.nio.file.Path;

/**
 * A file of a corpus, with the format recognised from its content.
 *
 * @param path   where it is
 * @param source the name its documents record as their source: the path relative to the input
 *               that named it (the file name for a file given directly)
 * @param shape  its layout and first record's fields
 * @param reader the reader of its format
 * @param format the format's name, as its reader gives it
 * @param bytes  its size on disk
 */
public record CorpusFile(Path path, String source, JsonShape shape, CorpusReader reader, String format, long bytes) {
}
