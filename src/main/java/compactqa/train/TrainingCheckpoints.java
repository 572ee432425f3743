package compactqa.train;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

import compactqa.model.AtomicFolders;
import compactqa.model.Safetensors;
import compactqa.model.Tensor;

/**
 * The checkpoints of a training run in its work folder: {@code step-NNNNNN/} folders holding the
 * weights, the optimizer state and the {@link TrainingState}, and a {@code LATEST} file naming the
 * newest complete one. A checkpoint is written under a temporary name and renamed when complete,
 * and {@code LATEST} is replaced atomically after it, so a run killed at any moment resumes from
 * the last complete checkpoint. The two newest are kept.
 */
final class TrainingCheckpoints {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final String LATEST = "LATEST";

    /** A checkpoint read back. */
    record Saved(Map<String, Tensor> weights, Map<String, Tensor> optimizer, TrainingState state, Path dir) {
    }

    private final Path dir;

    TrainingCheckpoints(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    /** Writes a checkpoint and makes it the latest; returns its folder. */
    Path save(Map<String, Tensor> weights, Map<String, Tensor> optimizer, TrainingState state) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("step-%07d", state.step());
        Path target = dir.resolve(name);
        AtomicFolders.replace(target, List.of(), tmp -> {
            Safetensors.write(tmp.resolve("weights.safetensors"), weights, Map.of());
            Safetensors.write(tmp.resolve("optimizer.safetensors"), optimizer, Map.of());
            JSON.writeValue(tmp.resolve("state.json").toFile(), state);
        });
        Path pointer = dir.resolve(LATEST + ".tmp");
        Files.writeString(pointer, name + "\n", StandardCharsets.UTF_8);
        Files.move(pointer, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        prune(name);
        return target;
    }

    /** Whether there is a complete checkpoint to resume from, known without reading it. */
    boolean any() {
        return Files.exists(dir.resolve(LATEST));
    }

    /** The latest complete checkpoint, if any. */
    Optional<Saved> latest() throws IOException {
        Path pointer = dir.resolve(LATEST);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        Path checkpoint = dir.resolve(Files.readString(pointer).strip());
        if (!Files.isDirectory(checkpoint)) {
            throw new IOException(pointer + " names " + checkpoint.getFileName() + ", which does not exist");
        }
        return Optional.of(new Saved(Safetensors.read(checkpoint.resolve("weights.safetensors")).tensors(),
                Safetensors.read(checkpoint.resolve("optimizer.safetensors")).tensors(),
                JSON.readValue(checkpoint.resolve("state.json").toFile(), TrainingState.class), checkpoint));
    }

    /**
     * Writes the latest checkpoint to {@code folder} in the compact form a repository can hold: the
     * weights {@code keep} accepts as {@link KeptWeights} and the training state, without the
     * optimizer state (twice the weights' fp32 size).
     *
     * @return the state written
     * @throws IllegalArgumentException if there is no checkpoint
     */
    TrainingState keep(Path folder, Predicate<String> keep) throws IOException {
        Saved saved = latest().orElseThrow(() -> new IllegalArgumentException("no checkpoint in " + dir + " to keep"));
        Map<String, Tensor> weights = new LinkedHashMap<>();
        saved.weights().forEach((name, t) -> {
            if (keep.test(name)) {
                weights.put(name, t);
            }
        });
        AtomicFolders.replace(folder.toAbsolutePath().normalize(), List.of(), tmp -> {
            Safetensors.write(tmp.resolve("weights.safetensors"), KeptWeights.encode(weights), Map.of());
            JSON.writeValue(tmp.resolve("state.json").toFile(), saved.state());
        });
        return saved.state();
    }

    /** Whether {@code folder} holds a kept checkpoint, known without decoding it. */
    static boolean isKept(Path folder) {
        return folder != null && Files.exists(folder.resolve("state.json"));
    }

    /** A checkpoint {@link #keep kept} in {@code folder}, weights back in fp32 and no optimizer state; empty if none. */
    static Optional<Saved> kept(Path folder) throws IOException {
        if (!isKept(folder)) {
            return Optional.empty();
        }
        Map<String, Tensor> weights = KeptWeights.decode(Safetensors.read(folder.resolve("weights.safetensors")).tensors());
        return Optional.of(new Saved(weights, Map.of(), JSON.readValue(folder.resolve("state.json").toFile(), TrainingState.class),
                folder));
    }

    /** Deletes every checkpoint (a fresh start), and nothing else in the folder. */
    void clear() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> checkpoints;
        try (Stream<Path> list = Files.list(dir)) {
            checkpoints = list.filter(p -> p.getFileName().toString().startsWith("step-")
                    || p.getFileName().toString().startsWith(LATEST)).toList();
        }
        for (Path p : checkpoints) {
            AtomicFolders.deleteTree(p);
        }
    }

    /**
     * Takes the folder's lock for one training run: two runs writing the same checkpoints would
     * destroy each other's.
     *
     * @throws IllegalStateException if another run holds it
     */
    AutoCloseable lock() throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("train.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another training run is using " + dir);
        }
        return () -> {
            try (channel) {
                lock.release();
            }
        };
    }

    private void prune(String keep) throws IOException {
        List<Path> steps;
        try (Stream<Path> list = Files.list(dir)) {
            steps = list.filter(p -> p.getFileName().toString().startsWith("step-")).sorted(Comparator.reverseOrder()).toList();
        }
        int kept = 0;
        for (Path p : steps) {
            String name = p.getFileName().toString();
            if (name.contains(".tmp-") || name.contains(".old-") || (kept >= 2 && !name.equals(keep))) {
                AtomicFolders.deleteTree(p);
            } else {
                kept++;
            }
        }
    }
}
