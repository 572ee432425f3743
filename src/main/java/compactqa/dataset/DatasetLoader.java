package compactqa.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.corpus.CorpusException;
import compactqa.corpus.Document;
import compactqa.corpus.InputFiles;
import compactqa.corpus.JsonRecords;
import compactqa.corpus.JsonShape;
import compactqa.corpus.SentenceSplitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads question-answering data set files of every {@link DatasetFormat} into {@link QaExample}s.
 *
 * <p>The format is recognised from the content ({@link JsonShape}), so a renamed, unsuffixed or
 * compressed file reads the same way. Records stream one at a time: JSON arrays and JSON lines
 * through {@link JsonRecords}, SQuAD one article at a time. Questions the data set itself marks
 * unanswerable (MuSiQue {@code answerable: false}, SQuAD 2.0 {@code is_impossible}) are left out,
 * counted, and logged when the stream closes, since a question without a supported answer cannot
 * be scored the way the others are.
 *
 * <p>Errors are {@link CorpusException}s with a one-line reason: an unknown format names the file
 * and the fields seen; a malformed record names the file and the record's number, counted from 1
 * (for SQuAD, the article's).
 *
 * <p>Thread-safe and stateless apart from the shared, read-only sentence splitter: share one
 * instance.
 */
@ApplicationScoped
public class DatasetLoader {

    private static final Logger LOG = Logger.getLogger(DatasetLoader.class);

    private final ObjectMapper json = new ObjectMapper();
    private final Map<DatasetFormat, ExampleParser> parsers = new EnumMap<>(DatasetFormat.class);

    @Inject
    public DatasetLoader(SentenceSplitter splitter) {
        for (DatasetFormat format : DatasetFormat.values()) {
            parsers.put(format, switch (format) {
                case HOTPOTQA, TWOWIKI -> new HotpotQaParser(format);
                case IRCOT -> new IrcotParser(splitter);
                case MUSIQUE -> new MusiqueParser(splitter);
                case SQUAD -> new SquadParser(splitter);
                case NQ_ORACLE -> new NqOracleParser(splitter);
                case HOTPOTQA_GOLDSENTS -> new GoldSentencesParser();
            });
        }
    }

    /**
     * The format of {@code file}, recognised from its content.
     *
     * @throws CorpusException if the file is unreadable or in none of the formats
     */
    public DatasetFormat format(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CorpusException("no such file: " + file);
        }
        JsonShape shape;
        try {
            shape = JsonShape.of(file);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return DatasetFormat.detect(shape).orElseThrow(() -> new CorpusException(file + ": not a known data set format ("
                + describe(shape) + ")"));
    }

    /** Every question of {@code file}, in file order. */
    public List<QaExample> load(Path file) {
        try (Stream<QaExample> examples = stream(file)) {
            return examples.toList();
        }
    }

    /**
     * The questions of {@code file}, lazily, in file order. The stream holds the file open: close it
     * (try-with-resources) when done.
     */
    public Stream<QaExample> stream(Path file) {
        return stream(file, new LongAdder());
    }

    /**
     * The questions of {@code file}, lazily, in file order. When the stream is closed, the number of
     * questions left out as unanswerable is added to {@code skipped} (and logged if not zero). The
     * paragraphs' source is the file's name.
     */
    public Stream<QaExample> stream(Path file, LongAdder skipped) {
        DatasetFormat format = format(file);
        LongAdder skippedHere = new LongAdder();
        InputStream in = open(file);
        try {
            return stream(in, format, file.getFileName().toString(), file.toString(), skippedHere).onClose(() -> {
                long n = skippedHere.sum();
                skipped.add(n);
                if (n > 0) {
                    LOG.infof("%s: skipped %d %s question(s) that the data set marks unanswerable", file, n, format);
                }
                close(in);
            });
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
    }

    /**
     * The questions of an open file in a known format, lazily. The stream does not close {@code in}.
     *
     * @param in      the file's decompressed content
     * @param source  the name the paragraphs record as their source; also names the file in errors
     * @param skipped incremented for each question left out as unanswerable
     */
    public Stream<QaExample> stream(InputStream in, DatasetFormat format, String source, LongAdder skipped) {
        return stream(in, format, source, source, skipped);
    }

    /**
     * The context paragraphs of every record of an open file in a known format, lazily, in file
     * order and with repeats (a paragraph shared by questions comes once per question, except in
     * SQuAD, where each context comes once). Paragraphs of questions left out as unanswerable are
     * included: they are real paragraphs. The stream does not close {@code in}.
     *
     * @param source the name the paragraphs record as their source; also names the file in errors
     */
    public Stream<Document> paragraphs(InputStream in, DatasetFormat format, String source) {
        ExampleParser parser = parsers.get(format);
        return perRecord(records(in, format, source), format, source,
                (record, index) -> parser.paragraphs(record, index, source));
    }

    private Stream<QaExample> stream(InputStream in, DatasetFormat format, String source, String where, LongAdder skipped) {
        ExampleParser parser = parsers.get(format);
        return perRecord(records(in, format, where), format, where,
                (record, index) -> parser.parse(record, index, source, skipped));
    }

    private Stream<JsonNode> records(InputStream in, DatasetFormat format, String where) {
        try {
            return format == DatasetFormat.SQUAD ? SquadArticles.stream(json, in) : JsonRecords.stream(json, in);
        } catch (CorpusException e) {
            throw new CorpusException(where + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

    /** What a parser makes of one record, given its index from 0. */
    private interface RecordFunction<T> {
        Stream<T> apply(JsonNode record, long index);
    }

    /**
     * Applies {@code function} to each record lazily, one record's results at a time, and puts the
     * file and the record's number into the message of any error it meets.
     */
    private static <T> Stream<T> perRecord(Stream<JsonNode> records, DatasetFormat format, String where,
            RecordFunction<T> function) {
        Iterator<JsonNode> iterator = records.iterator();
        String unit = format == DatasetFormat.SQUAD ? "article" : "record";
        Spliterator<List<T>> perRecord = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long index;

            @Override
            public boolean tryAdvance(Consumer<? super List<T>> action) {
                List<T> results;
                try {
                    if (!iterator.hasNext()) {
                        return false;
                    }
                    results = function.apply(iterator.next(), index).toList();
                } catch (CorpusException | IllegalArgumentException e) {
                    throw new CorpusException(where + ": " + unit + " " + (index + 1) + ": " + e.getMessage(), e);
                }
                index++;
                action.accept(results);
                return true;
            }
        };
        return StreamSupport.stream(perRecord, false).onClose(records::close).flatMap(List::stream);
    }

    private static InputStream open(Path file) {
        try {
            return InputFiles.open(file);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(JsonShape shape) {
        return switch (shape.layout()) {
            case EMPTY -> "the file is empty";
            case TEXT -> "not JSON";
            default -> "JSON " + shape.layout().name().toLowerCase() + " with fields " + new TreeSet<>(shape.keys());
        };
    }
}
