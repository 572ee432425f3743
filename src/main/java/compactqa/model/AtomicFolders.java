package compactqa.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes folders of model files so that readers never see a half-written one: the content is
 * written into a temporary sibling, which then takes the target's place by renames. A process
 * killed before the swap leaves the previous folder; between the two renames the target briefly
 * does not exist, never partial.
 */
public final class AtomicFolders {

    /** Writes the files of a folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Path folder) throws IOException;
    }

    private AtomicFolders() {
    }

    /**
     * Replaces {@code target} with a folder that {@code writer} fills.
     *
     * @param keep names of files in an existing {@code target} to carry over unless the writer
     *             wrote them (a model card beside the weights, say)
     */
    public static void replace(Path target, List<String> keep, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp-");
        try {
            writer.write(tmp);
            if (Files.isDirectory(dir)) {
                for (String name : keep) {
                    if (Files.exists(dir.resolve(name)) && !Files.exists(tmp.resolve(name))) {
                        Files.copy(dir.resolve(name), tmp.resolve(name));
                    }
                }
                Path old = dir.resolveSibling(dir.getFileName() + ".old-" + System.nanoTime());
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Writes the file {@code target} from {@code content} under a temporary name and renames it into
     * place, so that readers see the old file or the whole new one.
     */
    public static void writeFile(Path target, InputStream content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@link #writeFile(Path, InputStream)} from bytes in memory. */
    public static void writeFile(Path target, byte[] content) throws IOException {
        writeFile(target, new ByteArrayInputStream(content));
    }

    /** Deletes {@code path} and everything under it, if it exists. */
    public static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
