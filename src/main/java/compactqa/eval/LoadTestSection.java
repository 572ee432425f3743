package compactqa.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import com.fasterxml.jackson.databind.JsonNode;

/** The load tests' part of the report ({@code loadtest-*.json}), with the server's memory over time. */
final class LoadTestSection implements ReportSection {

    @Override
    public String filePrefix() {
        return "loadtest-";
    }

    @Override
    public void plot(Path dir, List<JsonNode> results) throws IOException {
        for (JsonNode r : results) {
            List<Double> t = new ArrayList<>();
            List<Double> mb = new ArrayList<>();
            r.path("memory").forEach(m -> {
                t.add(m.path("seconds").asDouble());
                mb.add(m.path("rss_bytes").asDouble() / 1e6);
            });
            if (t.size() < 2) {
                continue;
            }
            XYChart chart = new XYChartBuilder().width(720).height(400).title("Server resident memory under load: " + r.path("name").asText())
                    .xAxisTitle("seconds").yAxisTitle("RSS, MB").build();
            chart.addSeries("RSS", t, mb);
            BitmapEncoder.saveBitmap(chart, dir.resolve("loadtest-" + r.path("name").asText() + "-rss").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Load\n\n")
                .append("`qa loadtest` against a service on this machine: closed-loop clients, questions (`POST /api/qa`) and searches ")
                .append("mixed; latency per route, responses by status, and the server's resident memory read from `/proc` every second. ")
                .append("RSS growth: the last reading over the first one after the warm-up (the first fifth of the run).\n");
        for (JsonNode r : results) {
            md.append("\n### ").append(r.path("name").asText()).append("\n\n");
            EvalReport.appendProvenance(md, r);
            md.append(String.format(Locale.ROOT, "%d clients for %.0f s: %,d requests, %.1f/s, statuses %s, 5xx %d, transport errors %d, "
                            + "RSS growth after warm-up %s.%n%n", r.path("clients").asInt(), r.path("seconds").asDouble(),
                    r.path("requests").asLong(), r.path("requests_per_s").asDouble(), r.path("statuses"), r.path("errors5xx").asLong(),
                    r.path("transport_errors").asLong(), growth(r)));
            md.append("| route | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            r.path("routes").fields().forEachRemaining(e -> md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n",
                    e.getKey(), e.getValue().path("requests").asLong(), e.getValue().path("p50_ms").asDouble(),
                    e.getValue().path("p95_ms").asDouble(), e.getValue().path("p99_ms").asDouble(), e.getValue().path("max_ms").asDouble())));
            md.append("\n![Server memory](plots/loadtest-").append(r.path("name").asText()).append("-rss.png)\n");
        }
    }

    private static String growth(JsonNode r) {
        return r.path("rss_growth_after_warm_up").isNull() || r.path("rss_growth_after_warm_up").isMissingNode() ? "unknown"
                : String.format(Locale.ROOT, "%.1f%%", 100 * r.path("rss_growth_after_warm_up").asDouble());
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        md.append("\n| load test | clients | requests/s | QA p95 ms | 5xx | RSS growth |\n|---|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : results) {
            md.append(String.format(Locale.ROOT, "| `%s` | %d | %.1f | %.0f | %d | %s |%n", r.path("name").asText(), r.path("clients").asInt(),
                    r.path("requests_per_s").asDouble(), r.path("routes").path("qa").path("p95_ms").asDouble(), r.path("errors5xx").asLong(),
                    growth(r)));
        }
        EvalReport.appendCommands(md, results);
    }
}
