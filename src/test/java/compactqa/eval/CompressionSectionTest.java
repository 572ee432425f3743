package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CompressionSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A result whose compressed model and original trained alike, as {@code training}. */
    private static JsonNode result(String name, String relative, String training) throws Exception {
        return result(name, relative, training, training);
    }

    /**
     * A result whose compressed model trained as {@code training} and the original as {@code standard}
     * (empty: neither trained); {@code STEP} in them stands for the peak step bytes, 800 MB and 1000 MB.
     */
    private static JsonNode result(String name, String relative, String training, String standard) throws Exception {
        return JSON.readTree("""
                {"name": "%s", "method": "m", "task": "reader", "command": "./qa x", "commit": "c", "date": "d",
                 "disk_bytes": 1000000, "latency_ms_p50": {"1x384": 10}, "metrics": {"squad_heldout_f1": 50},
                 "original": {"disk_bytes": 2000000, "metrics": {"squad_heldout_f1": 60}%s},
                 "relative": {%s}, "layers": {}, "word_embeddings": "dense"%s}
                """.formatted(name, standard.isEmpty() ? "" : ", \"training\": " + standard.replace("STEP", "1000000000"),
                relative, training.isEmpty() ? "" : ", \"training\": " + training.replace("STEP", "800000000")));
    }

    @Test
    void trainingMemoryIsTabledOnlyForRunsWhoseTwoTrainingsMeasuredIt() throws Exception {
        String training = """
                {"steps": 150, "activation_compression": 0.25, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000}""";
        JsonNode measured = result("reader-activations-compact", "\"disk_share\": 1.0, \"peak_step_memory_share\": 0.8, "
                + "\"training_seconds_ratio\": 1.3", training);
        JsonNode plain = result("reader-int8", "\"disk_share\": 0.25", "");

        StringBuilder md = new StringBuilder();
        new CompressionSection().appendDetails(md, List.of(measured, plain));
        String table = md.substring(md.indexOf("Training memory"));
        assertTrue(table.contains("| `reader-activations-compact` | 0.25 | 150 | 1000 | 800 | 0.800 | 3000 | 3000 | 1.30 | – |"), table);
        assertFalse(table.contains("`reader-int8` |"), "a model compressed without training has no training row");

        StringBuilder none = new StringBuilder();
        new CompressionSection().appendDetails(none, List.of(plain));
        assertFalse(none.toString().contains("Training memory"));
    }

    @Test
    void aRowTrainedForOtherStepsThanItsStandardRunSaysSo() throws Exception {
        JsonNode shorter = result("reader-compacter-short", "\"disk_share\": 0.01, \"peak_step_memory_share\": 0.9, "
                + "\"training_seconds_ratio\": 2.1", """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000}""", """
                {"steps": 920, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000}""");

        StringBuilder md = new StringBuilder();
        new CompressionSection().appendDetails(md, List.of(shorter));
        String table = md.substring(md.indexOf("Training memory"));
        assertTrue(table.contains("| `reader-compacter-short` | 0.00 | 460 (920) |"), table);
    }

    @Test
    void aTimeRatioIsCalledASpeedRatioOnlyForRunsOfTheSameThreadsAndLoad() throws Exception {
        String relative = "\"disk_share\": 0.01, \"peak_step_memory_share\": 0.9, \"training_seconds_ratio\": 1.5";
        String oneThreadShared = """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000, "threads": 1, "mean_load": 2.1}""";
        String oneThreadSharedToo = """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000, "threads": 1, "mean_load": 1.8}""";
        String twoThreadsAlone = """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000, "threads": 2, "mean_load": 2.0}""";
        String oneThreadAlone = """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000, "threads": 1, "mean_load": 1.0}""";
        String resumedElsewhere = """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000, "threads": -1, "mean_load": 1.0}""";
        String unrecorded = """
                {"steps": 460, "peak_step_bytes": STEP, "peak_rss_bytes": 3000000000}""";

        StringBuilder md = new StringBuilder();
        new CompressionSection().appendDetails(md, List.of(
                result("side-by-side", relative, oneThreadShared, oneThreadSharedToo),
                result("other-threads", relative, oneThreadShared, twoThreadsAlone),
                result("other-load", relative, oneThreadShared, oneThreadAlone),
                result("resumed", relative, resumedElsewhere, oneThreadAlone),
                result("unrecorded", relative, oneThreadShared, unrecorded)));
        String table = md.substring(md.indexOf("Training memory"));
        assertTrue(table.contains("| 1.50 | yes (1 and 1 threads, load 2.1 and 1.8) |"), table);
        assertTrue(table.contains("| 1.50 | no (1 and 2 threads, load 2.1 and 2.0) |"), table);
        assertTrue(table.contains("| 1.50 | no (1 and 1 threads, load 2.1 and 1.0) |"), table);
        assertTrue(table.contains("| 1.50 | no, resumed at other threads |"), table);
        assertTrue(table.contains("`unrecorded` | 0.00 | 460 | 1000 | 800 | 0.900 | 3000 | 3000 | 1.50 | – |"), table);
    }

    @Test
    void trainableParametersAreTabledForRunsThatRecordedThem() throws Exception {
        JsonNode adapters = result("reader-compacter", "\"disk_share\": 0.01, \"trainable_share\": 0.0021, "
                + "\"hotpotqa_dev500_oracle_f1_retention\": 0.9", """
                {"steps": 460, "trainable_parameters": 47616}""");
        JsonNode plain = result("reader-int8", "\"disk_share\": 0.25", "");

        StringBuilder md = new StringBuilder();
        new CompressionSection().appendDetails(md, List.of(adapters, plain));
        String table = md.substring(md.indexOf("Trainable parameters"));
        assertTrue(table.contains("| `reader-compacter` | 47,616 | 0.0021 | 47,616 | 460 | hotpotqa_dev500_oracle_f1 | 0.900 |"), table);
        assertFalse(table.contains("`reader-int8` |"), "a model compressed without training has no row");
    }
}
