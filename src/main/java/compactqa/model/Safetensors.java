package compactqa.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The safetensors file format, readable by any standard tool: an 8-byte little-endian header
 * length N, N bytes of JSON naming each tensor's {@code dtype}, {@code shape} and
 * {@code data_offsets} (relative to the end of the header), an optional {@code __metadata__} map
 * of strings, then the tensors' raw little-endian bytes. The header is padded with spaces to a
 * multiple of 8 and the tensors ordered by element size, so that every tensor's data is aligned.
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    /** Tensors in file order, and the file's metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    private Safetensors() {
    }

    /**
     * Writes {@code tensors} with {@code metadata} to {@code file}, in the reference writer's order
     * (larger elements first, then by name), so that every tensor's data starts at a multiple of its
     * element size even when types are mixed.
     */
    public static void write(Path file, Map<String, Tensor> unordered, Map<String, String> metadata) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        unordered.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Tensor> e) -> -e.getValue().dtype().bytes())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> tensors.put(e.getKey(), e.getValue()));
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            Tensor t = e.getValue();
            ObjectNode entry = header.putObject(e.getKey());
            entry.put("dtype", t.dtype().name());
            var shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + t.byteSize());
            offset += t.byteSize();
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, head.flip());
            for (Tensor t : tensors.values()) {
                writeFully(out, t.data());
            }
            out.force(true);
        }
    }

    /** Reads {@code file}; tensor data is memory-mapped, not copied. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER || 8 + headerLength > in.size()) {
                throw new IOException(file + " is not a safetensors file (header length " + headerLength + ")");
            }
            ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
            readFully(in, headerBytes, 8);
            JsonNode header = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            ByteBuffer data = in.map(FileChannel.MapMode.READ_ONLY, dataStart, in.size() - dataStart)
                    .order(ByteOrder.LITTLE_ENDIAN);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                entries.add(it.next());
            }
            for (Map.Entry<String, JsonNode> e : entries) {
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                JsonNode entry = e.getValue();
                long[] shape = new long[entry.path("shape").size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = entry.path("shape").get(i).asLong();
                }
                long begin = entry.path("data_offsets").path(0).asLong(-1);
                long end = entry.path("data_offsets").path(1).asLong(-1);
                if (begin < 0 || end < begin || end > data.capacity()) {
                    throw new IOException(file + ": tensor " + e.getKey() + " has data offsets outside the file");
                }
                ByteBuffer slice = data.slice((int) begin, (int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                tensors.put(e.getKey(), Tensor.of(DType.ofSafetensors(entry.path("dtype").asText()), shape, slice));
            }
            return new Contents(tensors, metadata);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
