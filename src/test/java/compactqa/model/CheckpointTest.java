package compactqa.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CheckpointTest {

    static final EncoderConfig TINY = new EncoderConfig(2, 8, 2, 16, 50, 32, 2, 1e-12);

    @TempDir
    Path tmp;

    /** A random checkpoint of the tiny configuration. */
    static Checkpoint random(EncoderConfig config, long seed) {
        Random random = new Random(seed);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        BertNames.expectedShapes(config).forEach((name, shape) -> {
            int n = 1;
            for (long d : shape) {
                n *= (int) d;
            }
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = name.endsWith("LayerNorm.weight") ? 1 + 0.1f * (float) random.nextGaussian()
                        : 0.1f * (float) random.nextGaussian();
            }
            tensors.put(name, Tensor.ofFloats(shape, values));
        });
        return new Checkpoint(config, tensors).validate();
    }

    @Test
    void savesAndLoadsExactly() throws IOException {
        Checkpoint original = random(TINY, 1);
        original.save(tmp.resolve("ck"));
        Checkpoint loaded = Checkpoint.load(tmp.resolve("ck"));
        assertEquals(TINY, loaded.config());
        assertEquals(original.tensors().keySet(), loaded.tensors().keySet());
        for (String name : original.tensors().keySet()) {
            assertArrayEquals(original.tensor(name).floats(), loaded.tensor(name).floats(), name);
            assertArrayEquals(original.tensor(name).shape(), loaded.tensor(name).shape(), name);
        }
        assertEquals(original.parameters(), loaded.parameters());
    }

    @Test
    void safetensorsHeaderIsTheStandardLayout() throws IOException {
        random(TINY, 2).save(tmp.resolve("ck"));
        byte[] file = Files.readAllBytes(tmp.resolve("ck").resolve(Checkpoint.WEIGHTS));
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "header padded to 8 bytes");
        JsonNode header = new ObjectMapper().readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        JsonNode query = header.get("encoder.layer.1.attention.self.query.weight");
        assertEquals("F32", query.get("dtype").asText());
        assertEquals("[8,8]", query.get("shape").toString());
        long begin = query.get("data_offsets").get(0).asLong();
        long end = query.get("data_offsets").get(1).asLong();
        assertEquals(8 * 8 * 4, end - begin);
        assertEquals("pt", header.get("__metadata__").get("format").asText());
        // the last tensor's data ends exactly at the end of the file
        long maxEnd = 0;
        for (JsonNode entry : header) {
            if (entry.has("data_offsets")) {
                maxEnd = Math.max(maxEnd, entry.get("data_offsets").get(1).asLong());
            }
        }
        assertEquals(file.length, 8 + headerLength + maxEnd);
        JsonNode config = new ObjectMapper().readTree(tmp.resolve("ck").resolve(Checkpoint.CONFIG).toFile());
        assertEquals(2, config.get("num_hidden_layers").asInt());
        assertEquals("bert", config.get("model_type").asText());
    }

    @Test
    void mixedTypesAreWrittenAligned() throws IOException {
        Checkpoint ck = random(TINY, 7).with(TINY, Map.of("a.i8", Tensor.ofBytes(new long[] {3}, new byte[] {1, 2, 3}),
                "b.f16", Tensor.ofFloats(new long[] {3}, new float[] {1, 2, 3}).toF16()));
        ck.save(tmp.resolve("ck"));
        byte[] file = Files.readAllBytes(tmp.resolve("ck").resolve(Checkpoint.WEIGHTS));
        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode header = new ObjectMapper().readTree(new String(file, 8, (int) headerLength, StandardCharsets.UTF_8));
        long expectedBegin = 0;
        for (var it = header.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            long begin = e.getValue().get("data_offsets").get(0).asLong();
            int size = DType.ofSafetensors(e.getValue().get("dtype").asText()).bytes();
            assertEquals(expectedBegin, begin, "data is contiguous, in header order: " + e.getKey());
            assertEquals(0, (8 + headerLength + begin) % size, e.getKey() + " is aligned to its element size");
            expectedBegin = e.getValue().get("data_offsets").get(1).asLong();
        }
        assertEquals(file.length, 8 + headerLength + expectedBegin, "the data ends with the file");
    }

    @Test
    void fp16RoundsToNearestEven() {
        // 1 + 2^-11 lies halfway between 1 and the next fp16 number 1 + 2^-10: ties go to the even one, 1
        assertEquals(1.0f, Tensor.ofFloats(new long[] {1}, new float[] {1 + 0x1p-11f}).toF16().floats()[0]);
        assertEquals(Float.POSITIVE_INFINITY, Tensor.ofFloats(new long[] {1}, new float[] {65520f}).toF16().floats()[0]);
        assertEquals(0x1p-24f, Tensor.ofFloats(new long[] {1}, new float[] {0x1p-24f}).toF16().floats()[0], "smallest subnormal");
    }

    @Test
    void holdsFp16AndInt8Tensors() throws IOException {
        Tensor f32 = Tensor.ofFloats(new long[] {3}, new float[] {1.0f, -2.5f, 65504f});
        Tensor f16 = f32.toF16();
        assertEquals(DType.F16, f16.dtype());
        assertEquals(6, f16.byteSize());
        assertArrayEquals(new float[] {1.0f, -2.5f, 65504f}, f16.floats());
        Tensor i8 = Tensor.ofBytes(new long[] {2, 2}, new byte[] {-128, 0, 1, 127});
        Checkpoint ck = random(TINY, 3).with(TINY, Map.of("extra.f16", f16, "extra.i8", i8));
        ck.save(tmp.resolve("ck"));
        Checkpoint loaded = Checkpoint.load(tmp.resolve("ck"));
        assertEquals(DType.F16, loaded.tensor("extra.f16").dtype());
        assertArrayEquals(new byte[] {-128, 0, 1, 127}, loaded.tensor("extra.i8").bytes());
    }

    @Test
    void validationNamesTheMisshapenTensor() {
        Checkpoint ck = random(TINY, 4);
        Checkpoint bad = ck.with(TINY, Map.of("encoder.layer.1.intermediate.dense.weight",
                Tensor.ofFloats(new long[] {8, 16}, new float[128])));
        IllegalStateException e = assertThrows(IllegalStateException.class, bad::validate);
        assertTrue(e.getMessage().contains("encoder.layer.1.intermediate.dense.weight"), e.getMessage());
        Map<String, Tensor> removal = new LinkedHashMap<>();
        removal.put("encoder.layer.0.output.LayerNorm.bias", null);
        e = assertThrows(IllegalStateException.class, () -> ck.with(TINY, removal).validate());
        assertTrue(e.getMessage().contains("lacks encoder.layer.0.output.LayerNorm.bias"), e.getMessage());
    }

    @Test
    void saveReplacesAnEarlierCheckpointAndLeavesNoTemporaries() throws IOException {
        random(TINY, 5).save(tmp.resolve("ck"));
        Checkpoint second = random(TINY, 6);
        second.save(tmp.resolve("ck"));
        assertArrayEquals(second.tensor(BertNames.WORD_EMBEDDINGS).floats(),
                Checkpoint.load(tmp.resolve("ck")).tensor(BertNames.WORD_EMBEDDINGS).floats());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void corruptFilesAreRefusedWithTheirName() throws IOException {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Checkpoint.CONFIG), new ObjectMapper().writeValueAsString(TINY.toHuggingFace()));
        Files.write(dir.resolve(Checkpoint.WEIGHTS), new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 0x7f, 1, 2});
        IOException e = assertThrows(IOException.class, () -> Checkpoint.load(dir));
        assertTrue(e.getMessage().contains("model.safetensors"), e.getMessage());
        assertThrows(IOException.class, () -> Checkpoint.load(tmp.resolve("missing")));
    }

    @Test
    void validationRejectsLayersBeyondTheConfiguration() {
        Checkpoint ck = random(TINY, 8).with(TINY, Map.of("encoder.layer.2.output.dense.bias", Tensor.ofFloats(new long[] {8}, new float[8])));
        IllegalStateException e = assertThrows(IllegalStateException.class, ck::validate);
        assertTrue(e.getMessage().contains("beyond its 2 layers"), e.getMessage());
    }

    @Test
    void configRejectsOtherModelsAndActivations() {
        Map<String, Object> json = new LinkedHashMap<>(TINY.toHuggingFace());
        json.put("hidden_act", "relu");
        assertThrows(IllegalArgumentException.class, () -> EncoderConfig.fromHuggingFace(json));
        json.put("hidden_act", "gelu");
        json.put("model_type", "roberta");
        assertThrows(IllegalArgumentException.class, () -> EncoderConfig.fromHuggingFace(json));
    }

    @Test
    void configRejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> new EncoderConfig(2, 10, 3, 16, 50, 32, 2, 1e-12));
        assertEquals(TINY, EncoderConfig.fromHuggingFace(TINY.toHuggingFace()));
    }
}
