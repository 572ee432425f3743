package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class IndexScaleTest {

    private static IndexScaleResult.Row row(long paragraphs, double bm25P50) {
        return new IndexScaleResult.Row(paragraphs, "./qa eval index-scale", "c", "d", "25", 2, new Machine("cpu", List.of("avx2"), 2),
                "./qa index build x", 2_000_000_000L, 3, 600, paragraphs / 600.0, 3_000_000_000L, "hashing-384", 1000, 10,
                new IndexScaleBenchmark.MethodLatency(bm25P50, 9, 3), new IndexScaleBenchmark.MethodLatency(12, 30, 14),
                1_500_000_000L, 100_000_000L, 6_000_000_000L);
    }

    @Test
    void aRowReplacesTheRowOfItsSizeAndRowsStayBySize(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("index-scale.json");
        IndexScaleResult.merge(row(5_000_000, 4), file);
        IndexScaleResult.merge(row(1_000_000, 2), file);
        IndexScaleResult.merge(row(5_000_000, 5), file);
        JsonNode tree = ResultFiles.json().readTree(file.toFile());
        assertEquals(2, tree.path("rows").size());
        assertEquals(1_000_000, tree.path("rows").get(0).path("paragraphs").asLong());
        assertEquals(5.0, tree.path("rows").get(1).path("bm25").path("p50").asDouble(), "the re-measured size replaced its row");
        assertTrue(tree.path("command").asText().startsWith("./qa eval index-scale"), "eval verify knows the file by its command");

        StringBuilder md = new StringBuilder();
        new IndexScaleSection().appendSummary(md, List.of(tree));
        assertTrue(md.toString().contains("| 5,000,000 | 8,333 | 3.0 GB | 2.0 GB | 5.0 / 9.0 | 12.0 / 30.0 | 1.5 GB |"), md.toString());
    }
}
