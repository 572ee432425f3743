package compactqa.eval;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The index at Wikipedia's size ({@code index-scale.json}): build cost, size and query latency per corpus size. */
final class IndexScaleSection implements ReportSection {

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Index at scale\n\n")
                .append("Corpora generated with the statistics of the multi-hop training paragraphs (`qa index generate`: lengths, ")
                .append("Zipf word frequencies, Heaps vocabulary growth), indexed with BM25 and an HNSW field of generated ")
                .append("`hashing-384` vectors, then measured in a fresh process (`qa eval index-scale`, 1,000 queries of eight words ")
                .append("drawn from the index's own paragraphs, top 10, no snippets). Hybrid latency leaves out a real query ")
                .append("encoder's time (bge-small: a few milliseconds per query). Commands: [`eval/index-scale.sh`](index-scale.sh).\n");
        for (JsonNode r : results) {
            table(md, r);
        }
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        for (JsonNode r : results) {
            table(md, r);
        }
        md.append("\nCommands: `eval/index-scale.sh` (generate, `qa index build`, `qa eval index-scale` per size).\n");
    }

    private static void table(StringBuilder md, JsonNode r) {
        md.append("\n| paragraphs | build, paragraphs/s | build peak RSS | index on disk | BM25 p50 / p95 ms | hybrid p50 / p95 ms | search RSS |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode row : r.path("rows")) {
            JsonNode hybrid = row.path("hybrid");
            md.append(String.format(Locale.ROOT, "| %,d | %,.0f | %.1f GB | %.1f GB | %.1f / %.1f | %s | %.1f GB |%n",
                    row.path("paragraphs").asLong(), row.path("build_docs_per_s").asDouble(), row.path("build_peak_rss_bytes").asDouble() / 1e9,
                    row.path("index_bytes").asDouble() / 1e9, row.path("bm25").path("p50").asDouble(), row.path("bm25").path("p95").asDouble(),
                    hybrid.isObject() ? String.format(Locale.ROOT, "%.1f / %.1f", hybrid.path("p50").asDouble(), hybrid.path("p95").asDouble())
                            : "-", row.path("search_peak_rss_bytes").asDouble() / 1e9));
        }
    }
}
