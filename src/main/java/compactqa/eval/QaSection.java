package compactqa.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import com.fasterxml.jackson.databind.JsonNode;

/** The QA benchmark's part of the report ({@code qa-*.json}), with its plots. */
final class QaSection implements ReportSection {

    @Override
    public void plot(Path dir, List<JsonNode> results) throws IOException {
        for (JsonNode r : results) {
            String name = r.path("name").asText();
            XYChart f1 = new XYChartBuilder().width(720).height(440).title("F1 against compression: " + name)
                    .xAxisTitle("compression rate (document tokens / tokens read)").yAxisTitle("answer F1").build();
            f1.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            f1.getStyler().setXAxisLogarithmic(true);
            f1.getStyler().setMarkerSize(12);
            f1.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            CategoryChart latency = new CategoryChartBuilder().width(720).height(440).title("Latency by stage (p50): " + name)
                    .xAxisTitle("method").yAxisTitle("milliseconds").build();
            latency.getStyler().setStacked(true);
            List<String> methods = new ArrayList<>();
            List<Double> retrieval = new ArrayList<>();
            List<Double> compression = new ArrayList<>();
            List<Double> reader = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("methods").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                double rate = Math.max(1, m.getValue().path("compression_rate").asDouble());
                f1.addSeries(m.getKey(), new double[] {rate}, new double[] {m.getValue().path("f1").asDouble()})
                        .setMarker(SeriesMarkers.CIRCLE);
                methods.add(m.getKey());
                JsonNode stages = m.getValue().path("stages");
                retrieval.add(stages.path("retrieval").path("p50").asDouble());
                compression.add(stages.path("compression").path("p50").asDouble());
                reader.add(stages.path("reader").path("p50").asDouble());
            }
            latency.addSeries("retrieval", methods, retrieval);
            latency.addSeries("compression", methods, compression);
            latency.addSeries("reader", methods, reader);
            BitmapEncoder.saveBitmap(f1, dir.resolve(name + "-f1-vs-compression").toString(), BitmapEncoder.BitmapFormat.PNG);
            BitmapEncoder.saveBitmap(latency, dir.resolve(name + "-latency").toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Multi-hop question answering\n\n")
                .append("Every method answers the same questions in one run with the same reader: `active` (our active compression), ")
                .append("`single_pass` (the compressor's best sentences in one pass under the same budget), `raw` (the reader over ")
                .append("all documents, sliding windows), `oracle` (the gold supporting sentences, or paragraphs where only those are ")
                .append("labeled); where present, `active_fp32` (or `active_int8`): the active method with the same models at that ")
                .append("precision, answering every question among the others (`--compare-precision`). ")
                .append("EM/F1 as the official HotpotQA script; SP: supporting facts at the level the gold labels; ")
                .append("compression: document tokens over tokens read; latency per question, one at a time.\n");
        for (JsonNode r : results) {
            String name = r.path("name").asText();
            md.append("\n### ").append(name).append("\n\n");
            EvalReport.appendProvenance(md, r);
            JsonNode s = r.path("settings");
            md.append(String.format(Locale.ROOT, "Data: %s, %s setting%s, %,d questions, SP at %s level. Active compression: segments of %d, "
                            + "at most %d steps, %d-token budget, thresholds %.2f (sentence) and %.2f (sufficiency)%s.%n%n",
                    EvalReport.join(r.path("dataset")), r.path("setting").asText(),
                    r.path("k").asInt() > 0 ? " (top " + r.path("k").asInt() + ")" : "", r.path("questions").asInt(),
                    r.path("sp_level").asText(), s.path("segment_size").asInt(), s.path("max_steps").asInt(),
                    s.path("budget_tokens").asInt(), s.path("sentence_threshold").asDouble(), s.path("sufficiency_threshold").asDouble(),
                    s.path("sufficiency_threshold").asDouble() >= 1 ? ", no early stop"
                            : s.path("check_evidence").asBoolean() ? ", merged evidence checked before each further segment" : "")
                    + (s.path("support_threshold").isNumber() ? String.format(Locale.ROOT,
                    "Supporting sentences: the evidence scoring at least %.2f.%n%n", s.path("support_threshold").asDouble()) : ""));
            JsonNode models = r.path("models");
            if (!models.isMissingNode()) {
                md.append(String.format(Locale.ROOT, "Models: reader `%s`, compressor `%s`, %s linear layers, %d threads per session.%n%n",
                        models.path("reader").asText(), models.path("compressor").asText(), models.path("precision").asText(),
                        models.path("threads").asInt()));
            }
            md.append("| method | EM | F1 | SP EM | SP F1 | compression | steps | p50 ms | p95 ms | retrieval p50 | compression p50 | reader p50 | questions/s |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("methods").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode m = e.getValue();
                JsonNode st = m.path("stages");
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f |%n",
                        e.getKey(), m.path("em").asDouble(), m.path("f1").asDouble(), m.path("sp_em").asDouble(), m.path("sp_f1").asDouble(),
                        m.path("compression_rate").asDouble(), m.path("steps_mean").asDouble(), m.path("latency_ms_p50").asDouble(),
                        m.path("latency_ms_p95").asDouble(), st.path("retrieval").path("p50").asDouble(),
                        st.path("compression").path("p50").asDouble(), st.path("reader").path("p50").asDouble(),
                        m.path("questions_per_s").asDouble()));
            }
            md.append("\n![F1 against compression](plots/").append(name).append("-f1-vs-compression.png) ")
                    .append("![Latency by stage](plots/").append(name).append("-latency.png)\n");
        }
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        md.append("\n| multi-hop QA | precision | active F1 | raw F1 | single pass F1 | oracle F1 | active compression | active p50 ms "
                        + "| active at another precision: F1, p50 ms |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode r : results) {
            JsonNode m = r.path("methods");
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %.0f | %s |%n", r.path("name").asText(),
                    r.path("models").path("precision").asText("fp32"),
                    m.path("active").path("f1").asDouble(), m.path("raw").path("f1").asDouble(), m.path("single_pass").path("f1").asDouble(),
                    m.path("oracle").path("f1").asDouble(), m.path("active").path("compression_rate").asDouble(),
                    m.path("active").path("latency_ms_p50").asDouble(), compared(m)));
        }
        EvalReport.appendCommands(md, results);
    }

    /** The active method at another precision ({@code active_fp32} beside an int8 run), as "fp32: 41.31, 268 ms", or a dash. */
    private static String compared(JsonNode methods) {
        StringBuilder s = new StringBuilder();
        methods.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("active_")) {
                s.append(s.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s: %.2f, %.0f ms", e.getKey().substring("active_".length()),
                        e.getValue().path("f1").asDouble(), e.getValue().path("latency_ms_p50").asDouble()));
            }
        });
        return s.isEmpty() ? "-" : s.toString();
    }
}
