package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code eval/results/index-scale.json}: one row per index size, each measured by its own run (a
 * fresh process, so that its peak memory is its own) and carrying that run's provenance.
 */
public final class IndexScaleResult {

    private IndexScaleResult() {
    }

    /**
     * One index size.
     *
     * @param paragraphs          paragraphs in the index
     * @param command             the command that measured it (the build's is in {@code build_command})
     * @param buildCommand        how the index was built, as the README's scale script runs it
     * @param indexBytes          the index's size on disk
     * @param segments            Lucene segments
     * @param buildSeconds        the build's wall time, reading the corpus included, or -1 where not recorded
     * @param buildDocsPerS       paragraphs written per second
     * @param buildPeakRssBytes   the building process's peak resident memory
     * @param embedder            the paragraph vectors' embedder (empty: BM25 only)
     * @param queries             queries measured per method
     * @param k                   hits per query
     * @param bm25                BM25 latency
     * @param hybrid              BM25 + HNSW fused latency, or null for an index without vectors
     * @param searchPeakRssBytes  the measuring process's peak resident memory (index open, all queries run)
     * @param heapUsedBytes       JVM heap in use after the queries and a GC
     * @param heapMaxBytes        the JVM's heap limit
     */
    public record Row(long paragraphs, String command, String commit, String date, String java, int cpus, Machine machine,
                      String buildCommand, long indexBytes, int segments, double buildSeconds, double buildDocsPerS,
                      long buildPeakRssBytes, String embedder, int queries, int k, IndexScaleBenchmark.MethodLatency bm25,
                      IndexScaleBenchmark.MethodLatency hybrid, long searchPeakRssBytes, long heapUsedBytes, long heapMaxBytes) {
    }

    /** Writes {@code row} into {@code file}, replacing the row of the same size if there is one; rows by size. */
    public static void merge(Row row, Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        if (Files.exists(file)) {
            ResultFiles.json().readTree(file.toFile()).path("rows").forEach(r -> {
                if (r.path("paragraphs").asLong() != row.paragraphs()) {
                    rows.add(r);
                }
            });
        }
        rows.add(ResultFiles.json().valueToTree(row));
        rows.sort(Comparator.comparingLong(r -> r.path("paragraphs").asLong()));
        ObjectNode tree = ResultFiles.json().createObjectNode();
        tree.put("command", row.command()); // the last run's: eval verify knows it as the scale benchmark
        tree.put("benchmark", "index-scale");
        tree.put("how", "each row: qa index generate (a corpus with a real one's statistics), qa index build, then "
                + "qa eval index-scale in a fresh process; see eval/index-scale.sh");
        ArrayNode array = tree.putArray("rows");
        rows.forEach(array::add);
        tree.set("machine", ResultFiles.json().valueToTree(row.machine()));
        ResultFiles.write(tree, file);
    }
}
