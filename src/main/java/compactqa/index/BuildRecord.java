package compactqa.index;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * How an index generation was built, kept in its folder ({@value #FILE}) so that a benchmark of the
 * index can report its build cost without having watched it: paragraphs written, wall time from the
 * build's start to Lucene's commit (merges still running then are abandoned, so the index served, and
 * measured, is the one committed), the building process's peak resident memory, the embedder and the
 * RAM buffer. Lucene leaves files it does not name alone; an {@code add} to the generation removes
 * the record, which then no longer describes it.
 *
 * @param paragraphs   paragraphs written
 * @param seconds      wall time of the build, reading the corpus included
 * @param peakRssBytes the building process's peak resident memory, or -1 where unknown
 * @param embedder     the paragraph vectors' embedder, or empty for BM25 only
 * @param ramBufferMb  the index writer's RAM buffer
 */
public record BuildRecord(long paragraphs, double seconds, long peakRssBytes, String embedder, double ramBufferMb) {

    static final String FILE = "build.properties";

    /** Paragraphs written per second. */
    public double paragraphsPerSecond() {
        return seconds > 0 ? paragraphs / seconds : 0;
    }

    void write(Path generation) throws IOException {
        Properties p = new Properties();
        p.setProperty("paragraphs", Long.toString(paragraphs));
        p.setProperty("seconds", Double.toString(seconds));
        p.setProperty("peak-rss-bytes", Long.toString(peakRssBytes));
        p.setProperty("embedder", embedder);
        p.setProperty("ram-buffer-mb", Double.toString(ramBufferMb));
        try (Writer w = Files.newBufferedWriter(generation.resolve(FILE))) {
            p.store(w, "how this index generation was built");
        }
    }

    /** The record of {@code generation}, or empty for one built before records were kept. */
    public static Optional<BuildRecord> read(Path generation) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(generation.resolve(FILE))) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new BuildRecord(Long.parseLong(p.getProperty("paragraphs", "0")),
                Double.parseDouble(p.getProperty("seconds", "0")), Long.parseLong(p.getProperty("peak-rss-bytes", "-1")),
                p.getProperty("embedder", ""), Double.parseDouble(p.getProperty("ram-buffer-mb", "0"))));
    }
}
