package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code qa bench matmul}'s measurement, at its fewest calls, on the real ONNX Runtime. */
class MatmulBenchmarkIT {

    @TempDir
    Path tmp;

    @Test
    void everyShapeIsTimedAtBothPrecisionsAndReported() throws Exception {
        StringWriter log = new StringWriter();
        MatmulBenchResult result = new MatmulBenchmark().run(List.of(1), 0.01,
                new RunInfo("qa bench matmul", "abc", "2026-12-07T00:00:00Z", "25", 2), new PrintWriter(log, true));
        assertEquals(2 * MatmulBenchmark.SHAPES.size(), result.rows().size());
        assertEquals(MatmulBenchmark.SHAPES.size(), result.speedups().size());
        for (MatmulBenchResult.Row row : result.rows()) {
            assertTrue(row.gops() > 0 && row.p50Ms() > 0, row.toString());
            assertEquals(3, row.calls(), "at least three calls, whatever the scale");
            if (row.precision().equals("int8")) {
                assertTrue(row.cosine() > 0.99, row.toString());
            } else {
                assertNull(row.cosine());
            }
        }
        assertTrue(log.toString().contains("GOPS"), log.toString());

        Path file = tmp.resolve("matmul-bench.json");
        ResultFiles.write(result, file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        StringBuilder md = new StringBuilder();
        new MatmulSection().appendDetails(md, List.of(json));
        assertTrue(md.toString().contains("| feed-forward in | 384 x 384 x 1536 | 1 | int8 |"), md.toString());
        assertTrue(md.toString().contains("| 384x384x1536 1t |"), md.toString());
    }
}
