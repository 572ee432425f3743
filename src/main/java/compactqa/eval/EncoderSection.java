package compactqa.eval;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The encoder benchmark's part of the report ({@code encoder-bench.json}). */
final class EncoderSection implements ReportSection {

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Encoder inference (ONNX Runtime)\n\n")
                .append("Latency of one call at batch x sequence tokens (no padding), for the graphs shipped in the model jars ")
                .append("(`jar`) and the graphs this project exports from their imported checkpoints, in standard operators ")
                .append("(`exported`) and with ONNX Runtime's fused attention and skip-LayerNorm (`exported-fused`), ")
                .append("calls interleaved in one run. Tokens/s: tokens per call over the mean call time.\n");
        for (JsonNode r : results) {
            md.append('\n');
            EvalReport.appendProvenance(md, r);
            md.append(String.format(Locale.ROOT, "ONNX Runtime: %d threads, optimization `%s`.%n%n",
                    r.path("threads").asInt(), r.path("optimization").asText()));
            md.append("| model | graph | precision | batch x seq | p50 ms | p95 ms | tokens/s | calls |\n")
                    .append("|---|---|---|---|---:|---:|---:|---:|\n");
            for (JsonNode row : r.path("rows")) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d x %d | %.1f | %.1f | %,.0f | %d |%n",
                        row.path("model").asText(), row.path("graph").asText(), row.path("precision").asText(),
                        row.path("batch").asInt(), row.path("seq").asInt(), row.path("p50_ms").asDouble(),
                        row.path("p95_ms").asDouble(), row.path("tokens_per_s").asDouble(), row.path("runs").asInt()));
            }
            md.append("\nLatency ratios (p50, same run; below 1 is faster):\n\n| ratio | value |\n|---|---:|\n");
            r.path("ratios").fields().forEachRemaining(e ->
                    md.append(String.format(Locale.ROOT, "| %s | %.3f |%n", e.getKey(), e.getValue().asDouble())));
            md.append("\nParity of the exported graphs with the jar graphs (max abs difference of hidden states on real sentences): ");
            r.path("max_abs_diff").fields().forEachRemaining(e ->
                    md.append(String.format(Locale.ROOT, "%s %.1e; ", e.getKey(), e.getValue().asDouble())));
            if (r.hasNonNull("int8_mean_cosine")) {
                md.append(String.format(Locale.ROOT, "int8 jar graph's mean per-token cosine to fp32 %.4f.", r.path("int8_mean_cosine").asDouble()));
            }
            md.append('\n');
        }
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        md.append("\n| encoder (1 x 384) | p50 ms | tokens/s | ratio to the jar fp32 graph |\n|---|---:|---:|---:|\n");
        for (JsonNode r : results) {
            for (JsonNode row : r.path("rows")) {
                if (row.path("batch").asInt() != 1 || row.path("seq").asInt() != 384) {
                    continue;
                }
                String model = row.path("model").asText();
                String graph = row.path("graph").asText();
                String kind = graph.startsWith("exported") ? graph + "/jar" : row.path("precision").asText() + "/fp32";
                JsonNode ratio = r.path("ratios").path(model + " " + kind + " 1x384");
                md.append(String.format(Locale.ROOT, "| %s %s %s | %.1f | %,.0f | %s |%n", model, graph,
                        row.path("precision").asText(), row.path("p50_ms").asDouble(), row.path("tokens_per_s").asDouble(),
                        ratio.isMissingNode() ? "1" : String.format(Locale.ROOT, "%.3f", ratio.asDouble())));
            }
        }
        EvalReport.appendCommands(md, results);
    }
}
