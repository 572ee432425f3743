package compactqa.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The trained models' part of the report: each {@code models/<name>/metrics.json}. */
final class ModelsSection {

    private ModelsSection() {
    }

    static void appendDetails(StringBuilder md, Map<String, JsonNode> metricsByModel) {
        md.append("\n## Trained models\n\nEach model's card (`models/<name>/MODEL_CARD.md`) has its data, recipe and training; ")
                .append("these are the figures of its `metrics.json`.\n");
        metricsByModel.forEach((name, m) -> {
            md.append("\n### `models/").append(name).append("`\n\n");
            EvalReport.appendProvenance(md, m);
            md.append("\n\n| metric | value |\n|---|---:|\n");
            ModelCard.appendMetricRows(md, m);
        });
    }

    static void appendSummary(StringBuilder md, Map<String, JsonNode> metricsByModel) {
        md.append("\n| model | metric | value |\n|---|---|---:|\n");
        metricsByModel.forEach((name, m) -> {
            for (String key : List.of("squad_dev_f1", "squad_heldout_f1", "hotpotqa_dev500_oracle_f1", "hotpotqa_dev500_yes_no_accuracy",
                    "calibration_ece", "hotpotqa_dev500_sp_para_recall_at2", "hotpotqa_dev500_sp_para_recall_at2_active",
                    "hotpotqa_sample103_sp_sent_f1", "hotpotqa_sample103_sp_sent_f1_active")) {
                if (m.has(key)) {
                    md.append(String.format(Locale.ROOT, "| `models/%s` | `%s` | %s |%n", name, key, ModelCard.figure(m.path(key))));
                }
            }
        });
        EvalReport.appendCommands(md, List.copyOf(metricsByModel.values()));
    }
}
