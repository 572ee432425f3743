package compactqa.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Vectors already computed by one embedder, on disk, by the 16-hex-digit content key of what they
 * embed: benchmarks and rebuilds over the same paragraphs embed each once (bge-small embeds about
 * 30 paragraphs a second on two cores). One append-only file per embedder id of fixed-size
 * records (key, then the vector in little-endian fp32); a record cut short by a crash is dropped
 * on opening. Thread-safe; close it where it was opened.
 */
public final class VectorCache implements AutoCloseable {

    private final Path file;
    private final int dimension;
    private final Map<Long, float[]> vectors = new HashMap<>();
    private final FileChannel out;

    private VectorCache(Path file, int dimension, FileChannel out) {
        this.file = file;
        this.dimension = dimension;
        this.out = out;
    }

    /** The cache of {@code embedderId}'s vectors of length {@code dimension} in folder {@code dir}, created if absent. */
    public static VectorCache open(Path dir, String embedderId, int dimension) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(embedderId.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + dimension + ".vec");
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            VectorCache cache = new VectorCache(file, dimension, out);
            cache.load();
            return cache;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private int recordBytes() {
        return Long.BYTES + Float.BYTES * dimension;
    }

    private void load() throws IOException {
        long whole = out.size() / recordBytes() * recordBytes();
        ByteBuffer buffer = ByteBuffer.allocate(recordBytes() * 1024).order(ByteOrder.LITTLE_ENDIAN);
        long position = 0;
        while (position < whole) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), whole - position));
            while (buffer.hasRemaining()) {
                if (out.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException(file + " shrank while being read");
                }
            }
            buffer.flip();
            while (buffer.remaining() >= recordBytes()) {
                long key = buffer.getLong();
                float[] v = new float[dimension];
                buffer.asFloatBuffer().get(v);
                buffer.position(buffer.position() + Float.BYTES * dimension);
                vectors.put(key, v);
            }
            position += buffer.limit();
        }
        out.truncate(whole); // a record cut short by a crash
        out.position(whole);
    }

    /** The vector of the text with content key {@code key} (16 hex digits), or null. */
    public synchronized float[] get(String key) {
        return vectors.get(HexFormat.fromHexDigitsToLong(key));
    }

    /** Records the vectors of these keys (16 hex digits each), aligned, and writes them through. */
    public synchronized void putAll(List<String> keys, List<float[]> values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(recordBytes() * keys.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < keys.size(); i++) {
            float[] v = values.get(i);
            if (v.length != dimension) {
                throw new IllegalArgumentException("a vector of " + v.length + " values in a cache of " + dimension);
            }
            long key = HexFormat.fromHexDigitsToLong(keys.get(i));
            if (vectors.putIfAbsent(key, v) == null) {
                buffer.putLong(key);
                for (float x : v) {
                    buffer.putFloat(x);
                }
            }
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    public synchronized int size() {
        return vectors.size();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
