package compactqa.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import com.fasterxml.jackson.databind.JsonNode;

/** The offline compression results' part of the report ({@code compress-*.json}), with F1 against disk size. */
final class CompressionSection implements ReportSection {

    /** How far two trainings' mean loads may differ and their wall times still compare as speeds. */
    private static final double SAME_LOAD = 0.5;

    /** The metric each task's plot shows. */
    private static final List<String[]> PLOTS = List.of(
            new String[] {"reader", "hotpotqa_dev500_oracle_f1", "HotpotQA dev-500 F1 (gold paragraphs)"},
            new String[] {"reader", "squad_heldout_f1", "SQuAD held-out F1"},
            new String[] {"compressor", "hotpotqa_dev500_sp_para_recall_at2", "paragraph recall@2, HotpotQA dev-500"});

    @Override
    public void plot(Path dir, List<JsonNode> results) throws IOException {
        for (String[] p : PLOTS) {
            List<JsonNode> ofTask = results.stream().filter(r -> r.path("task").asText().equals(p[0])).toList();
            if (ofTask.isEmpty()) {
                continue;
            }
            XYChart chart = new XYChartBuilder().width(760).height(460).title(p[2] + " against disk size")
                    .xAxisTitle("disk size, MB (log scale)").yAxisTitle(p[2]).build();
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setMarkerSize(11);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            JsonNode first = ofTask.get(0).path("original");
            chart.addSeries("fp32 original", new double[] {first.path("disk_bytes").asDouble() / 1e6},
                    new double[] {first.path("metrics").path(p[1]).asDouble()}).setMarker(SeriesMarkers.DIAMOND);
            for (JsonNode r : ofTask) {
                chart.addSeries(r.path("name").asText(), new double[] {r.path("disk_bytes").asDouble() / 1e6},
                        new double[] {r.path("metrics").path(p[1]).asDouble()}).setMarker(SeriesMarkers.CIRCLE);
            }
            BitmapEncoder.saveBitmap(chart, dir.resolve("compress-" + p[0] + "-" + p[1]).toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Offline model compression\n\n")
                .append("Each row is one `qa compress` run: the compressed model and its original measured in the same run, ")
                .append("metrics on the same questions, latency of one encoder call with the heads (p50, the two models' calls ")
                .append("interleaved), disk size of the self-contained model against the original's tensors saved in fp32. ")
                .append("Speed-up: original p50 over compressed p50, at the run's threads (the service's default, 2) and at one ")
                .append("thread (as each request runs when the service is loaded). Retention: compressed metric over original.\n\n")
                .append("| result | method | disk MB | disk share | p50 ms 1x384 | speed-up 1x384 | speed-up 1x384, 1 thread | speed-up 8x256 ")
                .append("| metric | original | compressed | retention |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (JsonNode r : results) {
            JsonNode rel = r.path("relative");
            boolean firstRow = true;
            for (var it = r.path("metrics").fields(); it.hasNext(); ) {
                var m = it.next();
                if (m.getKey().endsWith("_em") || m.getKey().endsWith("two_step")) {
                    continue;
                }
                String lead = firstRow ? String.format(Locale.ROOT, "| `%s` | %s | %.1f | %.3f | %.1f | %.2f | %s | %.2f ",
                        r.path("name").asText(), r.path("method").asText(), r.path("disk_bytes").asDouble() / 1e6,
                        rel.path("disk_share").asDouble(), r.path("latency_ms_p50").path("1x384").asDouble(),
                        rel.path("speedup_1x384").asDouble(), oneThread(rel), rel.path("speedup_8x256").asDouble())
                        : "| | | | | | | | ";
                // recall is a fraction, F1 a percentage: four decimals keep the fraction's differences visible
                String value = m.getKey().contains("recall") ? "%.4f" : "%.2f";
                md.append(lead).append(String.format(Locale.ROOT, "| %s | " + value + " | " + value + " | %.3f |%n", m.getKey(),
                        r.path("original").path("metrics").path(m.getKey()).asDouble(), m.getValue().asDouble(),
                        rel.path(m.getKey() + "_retention").asDouble()));
                firstRow = false;
            }
        }
        appendTrainingMemory(md, results);
        appendTrainableParameters(md, results);
        for (String[] p : PLOTS) {
            if (results.stream().anyMatch(r -> r.path("task").asText().equals(p[0]))) {
                md.append("\n![").append(p[2]).append(" against disk size](plots/compress-").append(p[0]).append('-').append(p[1])
                        .append(".png)\n");
            }
        }
        md.append("\nCommands and layouts:\n\n");
        for (JsonNode r : results) {
            md.append("- `").append(r.path("name").asText()).append("`: `").append(r.path("command").asText()).append("` (commit `")
                    .append(r.path("commit").asText()).append("`, ").append(r.path("date").asText()).append("); word embeddings ")
                    .append(r.path("word_embeddings").asText()).append("; linear layers ").append(layouts(r.path("layers"))).append('\n');
        }
    }

    /** Results whose two trainings both measured their steps' memory (compressed activations against standard training). */
    private static void appendTrainingMemory(StringBuilder md, List<JsonNode> results) {
        List<JsonNode> measured = results.stream().filter(r -> r.path("relative").has("peak_step_memory_share")).toList();
        if (measured.isEmpty()) {
            return;
        }
        md.append("\nTraining memory: the most resident memory one training step added above what was resident when it began ")
                .append("(the activations kept for the backward pass, gradients, temporaries; a process's first step, which ")
                .append("also allocates the gradients and optimizer moments, left out), and the training process's peak. ")
                .append("The two runs of a row share their data and seed (and their steps, unless the standard run's are given in brackets), and differ in the mode (compressed activations; or Compacter adapters, at their own learning rate). ")
                .append("The time ratio is of wall-clock training times, so it is a ratio of speeds only where both runs had the same ")
                .append("training threads under about the same machine load (a mean one-minute load average within ")
                .append(String.format(Locale.ROOT, "%.1f", SAME_LOAD)).append("), as the next column says; a dash there: a run trained ")
                .append("before its `training.json` recorded threads and load.\n\n")
                .append("| result | activation compression | steps | peak step MB, standard | peak step MB | share ")
                .append("| peak RSS MB, standard | peak RSS MB | training time ratio | same threads and load |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode r : measured) {
            JsonNode before = r.path("original").path("training");
            JsonNode after = r.path("training");
            md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %s | %.0f | %.0f | %.3f | %.0f | %.0f | %.2f | %s |%n",
                    r.path("name").asText(), after.path("activation_compression").asDouble(), steps(after, before),
                    before.path("peak_step_bytes").asDouble() / 1e6, after.path("peak_step_bytes").asDouble() / 1e6,
                    r.path("relative").path("peak_step_memory_share").asDouble(), before.path("peak_rss_bytes").asDouble() / 1e6,
                    after.path("peak_rss_bytes").asDouble() / 1e6, r.path("relative").path("training_seconds_ratio").asDouble(),
                    timedAlike(after, before)));
        }
    }

    /**
     * Whether two trainings' wall times compare as speeds: {@code yes} where both recorded the same
     * threads and about the same load, {@code no} where they differ (or a run's resumptions did), a
     * dash where either did not record them.
     */
    private static String timedAlike(JsonNode after, JsonNode before) {
        int threads = after.path("threads").asInt(0);
        int standardThreads = before.path("threads").asInt(0);
        double load = after.path("mean_load").asDouble(-1);
        double standardLoad = before.path("mean_load").asDouble(-1);
        if (threads == -1 || standardThreads == -1) {
            return "no, resumed at other threads";
        }
        if (threads == 0 || standardThreads == 0 || load < 0 || standardLoad < 0) {
            return "–";
        }
        return (threads == standardThreads && Math.abs(load - standardLoad) <= SAME_LOAD ? "yes" : "no")
                + String.format(Locale.ROOT, " (%d and %d threads, load %.1f and %.1f)", threads, standardThreads, load, standardLoad);
    }

    /** A row's steps, with its standard run's in brackets where that one trained a different number. */
    private static String steps(JsonNode after, JsonNode before) {
        long steps = after.path("steps").asLong();
        long standard = before.path("steps").asLong();
        return standard == steps ? Long.toString(steps) : steps + " (" + standard + ")";
    }

    /** Results whose training recorded what it updated: the parameter-efficient methods against their full fine-tuning. */
    private static void appendTrainableParameters(StringBuilder md, List<JsonNode> results) {
        List<JsonNode> trained = results.stream().filter(r -> r.path("relative").has("trainable_share")).toList();
        if (trained.isEmpty()) {
            return;
        }
        md.append("\nTrainable parameters: what the compressed model's training updated, against all the original's parameters ")
                .append("(beside, what the original's own training updated: it left the word embeddings frozen).\n\n")
                .append("| result | trainable | share of all parameters | original's trainable | steps | metric | retention |\n")
                .append("|---|---:|---:|---:|---:|---|---:|\n");
        for (JsonNode r : trained) {
            String metric = mainMetric(r);
            JsonNode before = r.path("original").path("training");
            md.append(String.format(Locale.ROOT, "| `%s` | %,d | %.4f | %s | %d | %s | %.3f |%n", r.path("name").asText(),
                    r.path("training").path("trainable_parameters").asLong(), r.path("relative").path("trainable_share").asDouble(),
                    before.isMissingNode() ? "–" : String.format(Locale.ROOT, "%,d", before.path("trainable_parameters").asLong()),
                    r.path("training").path("steps").asLong(), metric, r.path("relative").path(metric + "_retention").asDouble()));
        }
    }

    /** The metric a result's task is judged by. */
    private static String mainMetric(JsonNode result) {
        return result.path("task").asText().equals("reader") ? "hotpotqa_dev500_oracle_f1" : "hotpotqa_dev500_sp_para_recall_at2";
    }

    /** The one-thread speed-up at 1x384, or a dash for runs measured before it was. */
    private static String oneThread(JsonNode relative) {
        JsonNode v = relative.path("speedup_1x384_1t");
        return v.isNumber() ? String.format(Locale.ROOT, "%.2f", v.asDouble()) : "–";
    }

    /** The distinct layer forms and how many layers hold each. */
    private static String layouts(JsonNode layers) {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        layers.fields().forEachRemaining(e -> counts.merge(e.getValue().asText().replaceAll("bonds .*", "bonds chosen per layer"), 1,
                Integer::sum));
        StringBuilder s = new StringBuilder();
        counts.forEach((form, n) -> s.append(s.isEmpty() ? "" : ", ").append(n).append(" ").append(form));
        return s.toString();
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        md.append("\n| compressed model | disk share | speed-up 1x384 | speed-up 1x384, 1 thread | main metric retained |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (JsonNode r : results) {
            String metric = mainMetric(r);
            JsonNode rel = r.path("relative");
            md.append(String.format(Locale.ROOT, "| `%s` | %.3f | %.2f | %s | %.3f (%s) |%n", r.path("name").asText(),
                    rel.path("disk_share").asDouble(), rel.path("speedup_1x384").asDouble(), oneThread(rel),
                    rel.path(metric + "_retention").asDouble(),
                    metric));
        }
        EvalReport.appendCommands(md, results);
    }
}
