package compactqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

/**
 * The on-disk home of an index: numbered generations, each a complete Lucene index, and a
 * {@code CURRENT} file naming the live one.
 *
 * <pre>
 * root/
 *   CURRENT        "gen-000003"
 *   gen-000002/    the previous generation, kept for one more switch
 *   gen-000003/    live
 *   gen-000004/    a build in progress, or the remains of one that was killed
 *   build.lock     held by whoever is writing
 * </pre>
 *
 * <p>A build writes a fresh generation and {@link #publish publishes} it only after Lucene's
 * commit has succeeded, by atomically renaming a new {@code CURRENT} into place. A process killed
 * at any point therefore leaves {@code CURRENT} naming a complete, committed index. Thread-safe;
 * writers in different processes exclude each other through {@link #lockForWriting()}.
 */
public final class IndexStore {

    private static final Logger LOG = Logger.getLogger(IndexStore.class);
    private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");
    static final String CURRENT = "CURRENT";

    private final Path root;

    public IndexStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The live generation's directory, if an index has ever been published here. */
    public Optional<Path> current() {
        Path pointer = root.resolve(CURRENT);
        try {
            if (!Files.exists(pointer)) {
                return Optional.empty();
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            if (!GENERATION.matcher(name).matches()) {
                throw new IndexStoreException(pointer + " is corrupt: it names '" + name + "', not a generation"
                        + " (run 'qa index build' to replace the index)");
            }
            Path generation = root.resolve(name);
            if (!Files.isDirectory(generation)) {
                throw new IndexStoreException(pointer + " names " + name + ", which does not exist"
                        + " (run 'qa index build' to replace the index)");
            }
            return Optional.of(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointer, e);
        }
    }

    /**
     * Takes the store's write lock: one build or incremental add at a time, across processes.
     *
     * @throws IndexStoreException if another writer holds it
     */
    public Lock lockForWriting() throws IOException {
        Files.createDirectories(root);
        Directory lockDir = FSDirectory.open(root, NativeFSLockFactory.INSTANCE);
        try {
            Lock lock = lockDir.obtainLock("build.lock");
            return new Lock() {
                @Override
                public void close() throws IOException {
                    try (lockDir) {
                        lock.close();
                    }
                }

                @Override
                public void ensureValid() throws IOException {
                    lock.ensureValid();
                }
            };
        } catch (LockObtainFailedException e) {
            lockDir.close();
            throw new IndexStoreException("another process is writing the index at " + root);
        } catch (IOException | RuntimeException e) {
            lockDir.close();
            throw e;
        }
    }

    /** A new, empty generation directory numbered after every existing one. Call under the write lock. */
    public Path newGeneration() throws IOException {
        Files.createDirectories(root);
        long next = generations().stream().mapToLong(IndexStore::number).max().orElse(0) + 1;
        Path dir = root.resolve(String.format("gen-%06d", next));
        Files.createDirectory(dir);
        return dir;
    }

    /**
     * Makes {@code generation} the live index. The new pointer is written and synced to a temporary
     * file, then renamed over {@code CURRENT} in one atomic step.
     */
    public void publish(Path generation) throws IOException {
        if (!generation.getParent().equals(root) || !GENERATION.matcher(generation.getFileName().toString()).matches()) {
            throw new IllegalArgumentException(generation + " is not a generation of " + root);
        }
        Path tmp = root.resolve(CURRENT + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(generation.getFileName() + "\n"));
            channel.force(true);
        }
        try {
            Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + root + " cannot rename atomically; the index needs it", e);
        }
        syncDirectory(root);
    }

    /**
     * Deletes every generation except the live one and the one just before it, including the
     * remains of builds that were killed. Call under the write lock.
     */
    public void removeStaleGenerations() throws IOException {
        Optional<Path> live;
        try {
            live = current();
        } catch (IndexStoreException e) {
            // nothing is known to be live: delete nothing; the next publish repairs the pointer
            LOG.warnf("not removing old index generations: %s", e.getMessage());
            return;
        }
        long liveNumber = live.map(IndexStore::number).orElse(0L);
        long keepPrevious = generations().stream().mapToLong(IndexStore::number)
                .filter(n -> n < liveNumber).max().orElse(-1);
        for (Path gen : generations()) {
            long n = number(gen);
            if (n != liveNumber && n != keepPrevious) {
                LOG.debugf("removing stale index generation %s", gen);
                try {
                    deleteTree(gen);
                } catch (IOException e) {
                    // a reader elsewhere may still hold it open (Windows refuses to delete open files):
                    // the next build retries, and the live index is unaffected either way
                    LOG.warnf("cannot remove stale index generation %s yet: %s", gen, e.getMessage());
                }
            }
        }
    }

    /** Every generation directory, in number order. */
    public List<Path> generations() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> Files.isDirectory(p) && GENERATION.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong(IndexStore::number))
                    .toList();
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        IOUtils.rm(dir); // Lucene's: recursive, and a missing folder is not an error
    }

    private static long number(Path generation) {
        Matcher m = GENERATION.matcher(generation.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(generation + " is not a generation");
        }
        return Long.parseLong(m.group(1));
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename itself durable; some platforms cannot open a directory for syncing.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debugf("cannot sync directory %s: %s", dir, e.getMessage());
        }
    }
}
