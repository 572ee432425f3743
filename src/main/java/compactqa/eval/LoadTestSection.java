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
            if (r.has("hostile_clients")) {
                appendHostile(md, r);
                continue;
            }
            JsonNode served = r.path("served");
            if (served.isObject()) {
                md.append(String.format(Locale.ROOT, "Served: reader `%s`, compressor `%s`, %s linear layers%s.%n%n", served.path("reader").asText(),
                        served.path("compressor").asText(), served.path("precision").asText(),
                        served.has("threads") ? ", " + served.path("threads").asText() + " ONNX Runtime threads per call" : ""));
            }
            md.append(String.format(Locale.ROOT, "%d clients for %.0f s: %,d requests, %.1f/s, statuses %s, 5xx %d, transport errors %d, "
                            + "RSS growth after warm-up %s.%n%n", r.path("clients").asInt(), r.path("seconds").asDouble(),
                    r.path("requests").asLong(), r.path("requests_per_s").asDouble(), r.path("statuses"), r.path("errors5xx").asLong(),
                    r.path("transport_errors").asLong(), growth(r)));
            md.append("| route | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
            r.path("routes").fields().forEachRemaining(e -> md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n",
                    e.getKey(), e.getValue().path("requests").asLong(), e.getValue().path("p50_ms").asDouble(),
                    e.getValue().path("p95_ms").asDouble(), e.getValue().path("p99_ms").asDouble(), e.getValue().path("max_ms").asDouble())));
            appendStages(md, r.path("stages"));
            md.append("\n![Server memory](plots/loadtest-").append(r.path("name").asText()).append("-rss.png)\n");
        }
    }

    /** Where an answered question's time went, from the answers' traces; nothing for a file recorded before they were read. */
    private static void appendStages(StringBuilder md, JsonNode stages) {
        if (!stages.isObject() || stages.isEmpty()) {
            return;
        }
        md.append("\nWhere an answered question's time went (each answer's trace; `outside`: the client's latency less the pipeline's, ")
                .append("that is waiting for a worker, HTTP and JSON):\n\n")
                .append("| stage | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|\n");
        stages.fields().forEachRemaining(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", e.getKey(),
                e.getValue().path("p50_ms").asDouble(), e.getValue().path("p95_ms").asDouble(), e.getValue().path("p99_ms").asDouble())));
    }

    /** A {@link HostileLoad} result: ordinary questions under attack, the CPU after a deadline, memory after idle. */
    private static void appendHostile(StringBuilder md, JsonNode r) {
        md.append(String.format(Locale.ROOT, "Hostile: %d ordinary clients beside %d sending the costliest accepted request (about %,d "
                        + "characters of their own documents, read in one step) for %.0f s in all. Ordinary questions: %,d, statuses %s, "
                        + "error rate %.3f, p50 %.0f ms, p95 %.0f ms. Heavy requests: %,d, statuses %s. Deadline probe: status %s, CPU busy "
                        + "%s s after the 503. Resident memory: %s MB after the warm-up, %s MB at the peak, %s MB after %.0f s idle.%n",
                r.path("normal_clients").asInt(), r.path("hostile_clients").asInt(), r.path("hostile_chars").asInt(),
                r.path("seconds").asDouble(), r.path("normal_requests").asLong(), r.path("normal_statuses"),
                r.path("normal_error_rate").asDouble(), r.path("normal").path("p50_ms").asDouble(), r.path("normal").path("p95_ms").asDouble(),
                r.path("hostile_requests").asLong(), r.path("hostile_statuses"), r.path("probe_status").asText(),
                r.path("cpu_busy_after_deadline_s").asText("-"), r.path("rss_baseline_mb").asText(), r.path("rss_peak_mb").asText(),
                r.path("rss_after_idle_mb").asText(), r.path("idle_seconds").asDouble()));
        md.append("\n![Server memory](plots/loadtest-").append(r.path("name").asText()).append("-rss.png)\n");
    }

    private static String growth(JsonNode r) {
        return r.path("rss_growth_after_warm_up").isNull() || r.path("rss_growth_after_warm_up").isMissingNode() ? "unknown"
                : String.format(Locale.ROOT, "%.1f%%", 100 * r.path("rss_growth_after_warm_up").asDouble());
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        List<JsonNode> plain = results.stream().filter(r -> !r.has("hostile_clients")).toList();
        List<JsonNode> hostile = results.stream().filter(r -> r.has("hostile_clients")).toList();
        if (!plain.isEmpty()) {
            md.append("\n| load test | served (precision, threads per call) | clients | requests/s | QA p50 ms | QA p95 ms | 5xx | RSS growth |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (JsonNode r : plain) {
                JsonNode served = r.path("served");
                md.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %.1f | %.0f | %.0f | %d | %s |%n", r.path("name").asText(),
                        served.isObject() ? served.path("precision").asText() + ", " + served.path("threads").asText("-") : "-",
                        r.path("clients").asInt(), r.path("requests_per_s").asDouble(), r.path("routes").path("qa").path("p50_ms").asDouble(),
                        r.path("routes").path("qa").path("p95_ms").asDouble(), r.path("errors5xx").asLong(), growth(r)));
            }
        }
        if (!hostile.isEmpty()) {
            md.append("\n| hostile load | ordinary error rate | CPU busy after deadline, s | RSS baseline MB | RSS after idle MB |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            for (JsonNode r : hostile) {
                md.append(String.format(Locale.ROOT, "| `%s` | %.3f | %s | %s | %s |%n", r.path("name").asText(),
                        r.path("normal_error_rate").asDouble(), r.path("cpu_busy_after_deadline_s").asText("-"),
                        r.path("rss_baseline_mb").asText(), r.path("rss_after_idle_mb").asText()));
            }
        }
        EvalReport.appendCommands(md, results);
    }
}
