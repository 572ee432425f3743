package compactqa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns the files and folders a user names into one stream of paragraphs, whatever their formats.
 *
 * <p>JSON formats are recognised from content; plain text, having no signature, only in files named
 * {@code .txt} (or {@code .txt.gz}). A file named directly must be in a known format, or loading
 * fails with a one-line reason. A folder contributes, recursively and in name order, every file in
 * a known format; anything else in it (a README, say) is skipped with a log line. Thread-safe.
 */
@ApplicationScoped
public class CorpusLoader {

    private static final Logger LOG = Logger.getLogger(CorpusLoader.class);

    private static final Pattern TEXT_FILE = Pattern.compile(".*\\.txt(\\.gz)?", Pattern.CASE_INSENSITIVE);

    private final List<CorpusReader> readers;

    @Inject
    public CorpusLoader(@All List<CorpusReader> readers) {
        this.readers = List.copyOf(readers);
    }

    /**
     * Resolves {@code inputs} to the files to read, recognising each one's format.
     *
     * @throws CorpusException naming the first input that is missing or not in a known format
     */
    public List<CorpusFile> plan(List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new CorpusException("no corpus input given");
        }
        List<CorpusFile> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                files.addAll(planFolder(input));
            } else if (Files.isRegularFile(input)) {
                files.add(planFile(input, input.getFileName().toString(), true));
            } else {
                throw new CorpusException("no such file or folder: " + input);
            }
        }
        return files;
    }

    /**
     * The paragraphs of {@code files} in order, read lazily one file at a time; bytes read from disk
     * are added to {@code diskBytesRead}. Close the stream to release the file being read.
     */
    public Stream<Document> read(List<CorpusFile> files, LongAdder diskBytesRead) {
        // Not files.stream().flatMap(...): read through an iterator, as an index build does, flatMap
        // buffers each file's whole stream before handing out its first document.
        FileByFile documents = new FileByFile(files, diskBytesRead);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(documents, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(documents::closeCurrent);
    }

    /** Documents of one file after another, each file opened when the previous one is exhausted. */
    private final class FileByFile implements Iterator<Document> {
        private final List<CorpusFile> files;
        private final LongAdder diskBytesRead;
        private int nextFile;
        private Stream<Document> current;
        private Iterator<Document> documents = Collections.emptyIterator();

        FileByFile(List<CorpusFile> files, LongAdder diskBytesRead) {
            this.files = files;
            this.diskBytesRead = diskBytesRead;
        }

        @Override
        public boolean hasNext() {
            while (!documents.hasNext()) {
                closeCurrent();
                if (nextFile == files.size()) {
                    return false;
                }
                current = readFile(files.get(nextFile++), diskBytesRead);
                documents = current.iterator();
            }
            return true;
        }

        @Override
        public Document next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return documents.next();
        }

        void closeCurrent() {
            if (current != null) {
                current.close();
                current = null;
                documents = Collections.emptyIterator();
            }
        }
    }

    /** The paragraphs of {@code inputs}: {@link #plan} then {@link #read}. */
    public Stream<Document> read(List<Path> inputs) {
        return read(plan(inputs), new LongAdder());
    }

    private Stream<Document> readFile(CorpusFile file, LongAdder diskBytesRead) {
        try {
            InputStream in = InputFiles.open(file.path(), diskBytesRead);
            try {
                return file.reader().read(in, file.shape(), file.source()).onClose(() -> {
                    try {
                        in.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
        } catch (CorpusException e) {
            throw new CorpusException(file.path() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private List<CorpusFile> planFolder(Path folder) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new CorpusException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        List<CorpusFile> files = new ArrayList<>();
        for (Path path : paths) {
            String source = folder.relativize(path).toString().replace('\\', '/');
            CorpusFile file = planFile(path, source, false);
            if (file == null) {
                LOG.infof("skipping %s: not a corpus file", path);
            } else {
                files.add(file);
            }
        }
        return files;
    }

    private CorpusFile planFile(Path path, String source, boolean required) {
        try {
            JsonShape shape = JsonShape.of(path);
            // plain text has no signature to recognise it by: only .txt files are taken as text
            if (shape.layout() == JsonShape.Layout.TEXT && !TEXT_FILE.matcher(path.getFileName().toString()).matches()) {
                if (!required) {
                    return null;
                }
                throw new CorpusException(path + ": unknown format (not JSON; plain text files must end in .txt)");
            }
            for (CorpusReader reader : readers) {
                Optional<String> format = reader.format(shape);
                if (format.isPresent()) {
                    return new CorpusFile(path, source, shape, reader, format.get(), Files.size(path));
                }
            }
            if (!required) {
                return null;
            }
            throw new CorpusException(path + ": unknown format (" + describe(shape) + ")");
        } catch (IOException e) {
            throw new CorpusException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String describe(JsonShape shape) {
        return switch (shape.layout()) {
            case EMPTY -> "the file is empty";
            case TEXT -> "not JSON";
            default -> "JSON " + shape.layout().name().toLowerCase() + " with fields " + shape.keys();
        };
    }
}
