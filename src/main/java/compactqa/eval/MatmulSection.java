package compactqa.eval;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** The matrix-product benchmark's part of the report ({@code matmul-bench.json}). */
final class MatmulSection implements ReportSection {

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Matrix products: achieved GOPS against the CPU's peak\n\n")
                .append("One linear layer alone on ONNX Runtime, written as the exported reader writes it: fp32 `MatMul` and int8 ")
                .append("`DynamicQuantizeMatMul` (activations quantized on the fly, which the int8 time includes), calls of the two ")
                .append("alternating. GOPS: two operations per multiply-add over the p50 call time. The nominal peak is the clock ")
                .append("`/proc/cpuinfo` reports times the operations per cycle of the widest units the CPU's flags name (its basis ")
                .append("below); turbo clocks can exceed it. Cosine: int8's output against fp32's on the same weights and input.\n");
        for (JsonNode r : results) {
            md.append('\n');
            EvalReport.appendProvenance(md, r);
            JsonNode peak = r.path("peak");
            if (peak.isObject()) {
                md.append(String.format(Locale.ROOT, "Nominal peak per core: %.2f GHz x %d fp32 and %d int8 operations per cycle (%s).",
                        peak.path("ghz").asDouble(), peak.path("fp32_ops_per_cycle").asInt(), peak.path("int8_ops_per_cycle").asInt(),
                        peak.path("basis").asText()));
            }
            md.append("\n\n| product | rows x in x out | threads | precision | p50 ms | GOPS | nominal peak GOPS | share of peak | cosine |\n")
                    .append("|---|---|---:|---|---:|---:|---:|---:|---:|\n");
            for (JsonNode row : r.path("rows")) {
                md.append(String.format(Locale.ROOT, "| %s | %d x %d x %d | %d | %s | %.3f | %.1f | %s | %s | %s |%n",
                        row.path("shape").asText(), row.path("rows").asInt(), row.path("in").asInt(), row.path("out").asInt(),
                        row.path("threads").asInt(), row.path("precision").asText(), row.path("p50_ms").asDouble(),
                        row.path("gops").asDouble(), number(row.path("peak_gops"), "%.0f"), percent(row.path("peak_share")),
                        number(row.path("cosine"), "%.4f")));
            }
            md.append("\nint8 speed-up (fp32 p50 over int8 p50, same run):\n\n| product, threads | speed-up |\n|---|---:|\n");
            r.path("speedups").fields().forEachRemaining(e ->
                    md.append(String.format(Locale.ROOT, "| %s | %.3f |%n", e.getKey(), e.getValue().asDouble())));
        }
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        md.append("\n| matrix product (2 threads) | fp32 GOPS | int8 GOPS | int8 speed-up | fp32, int8 share of the nominal peak |\n")
                .append("|---|---:|---:|---:|---|\n");
        for (JsonNode r : results) {
            JsonNode rows = r.path("rows");
            for (int i = 0; i + 1 < rows.size(); i += 2) {
                JsonNode fp32 = rows.get(i);
                JsonNode int8 = rows.get(i + 1);
                if (fp32.path("threads").asInt() != 2) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s (%d x %d x %d) | %.1f | %.1f | %.2f | %s, %s |%n", fp32.path("shape").asText(),
                        fp32.path("rows").asInt(), fp32.path("in").asInt(), fp32.path("out").asInt(), fp32.path("gops").asDouble(),
                        int8.path("gops").asDouble(), fp32.path("p50_ms").asDouble() / int8.path("p50_ms").asDouble(),
                        percent(fp32.path("peak_share")), percent(int8.path("peak_share"))));
            }
        }
        EvalReport.appendCommands(md, results);
    }

    private static String number(JsonNode n, String format) {
        return n.isNumber() ? String.format(Locale.ROOT, format, n.asDouble()) : "-";
    }

    private static String percent(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.0f%%", 100 * n.asDouble()) : "-";
    }
}
