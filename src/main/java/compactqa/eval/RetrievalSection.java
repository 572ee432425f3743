package compactqa.eval;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import compactqa.metrics.RetrievalScores;

/** The retrieval benchmark's part of the report ({@code retrieval-*.json}). */
final class RetrievalSection implements ReportSection {

    private static final String HEADER = "| | questions | R@2 | R@5 | R@10 | R@20 | mean R@k | any@2 | any@5 | any@10 | any@20 | MRR ";
    private static final String RULE = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    @Override
    public void appendDetails(StringBuilder md, List<JsonNode> results) {
        md.append("\n## Paragraph retrieval (BM25)\n\n")
                .append("Recall-both@k: share of questions with every gold paragraph in the top k; recall-any@k: with at least one; ")
                .append("mean R@k: their mean over k = 2, 5, 10, 20; ")
                .append("MRR: mean reciprocal rank of the first gold paragraph within the top ")
                .append(RetrievalBenchmark.DEPTH).append(". A gold paragraph is matched by content where the question's ")
                .append("context holds it, else by title.\n");
        for (JsonNode r : results) {
            appendResult(md, r);
        }
    }

    @Override
    public void appendSummary(StringBuilder md, List<JsonNode> results) {
        md.append("\n| retrieval | configuration | questions | recall-both@2 | @5 | @10 | @20 | recall-any@5 | MRR "
                        + "| recall-both@10, gold in pool | queries/s |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode r : results) {
            JsonNode variants = r.path("variants");
            if (variants.isArray() && !variants.isEmpty() && variants.get(0).has("gold_in_pool")) {
                // a comparison of methods: every one of them, as each is a candidate
                for (JsonNode v : variants) {
                    summaryRow(md, r.path("name").asText(), v.path("config").path("label").asText(), r.path("questions_scored").asLong(),
                            v.path("scores"), v.path("gold_in_pool"), v.path("queries_per_s").asDouble());
                }
            } else {
                summaryRow(md, r.path("name").asText(), r.path("config").path("label").asText(), r.path("questions_scored").asLong(),
                        r, r.path("gold_in_pool"), r.path("queries_per_s").asDouble());
            }
        }
        EvalReport.appendCommands(md, results);
    }

    private static void summaryRow(StringBuilder md, String name, String label, long questions, JsonNode scores, JsonNode inPool,
                                   double qps) {
        JsonNode both = scores.path("recall_both_at_k");
        md.append(String.format(Locale.ROOT, "| `%s` | %s | %,d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f (%,d) | %,.0f |%n",
                name, label, questions, both.path("2").asDouble(), both.path("5").asDouble(), both.path("10").asDouble(),
                both.path("20").asDouble(), scores.path("recall_any_at_k").path("5").asDouble(), scores.path("mrr").asDouble(),
                inPool.path("recall_both_at_k").path("10").asDouble(), inPool.path("questions").asLong(), qps));
    }

    private static void appendResult(StringBuilder md, JsonNode r) {
        String primary = r.path("config").path("label").asText();
        md.append("\n### ").append(r.path("name").asText()).append("\n\n");
        EvalReport.appendProvenance(md, r);
        md.append(String.format(Locale.ROOT, "Data: %s. ", EvalReport.join(r.path("dataset"))))
                .append(String.format(Locale.ROOT, "%,d distinct questions (%,d more repeated across files); %,d with gold "
                                + "paragraphs, %,d of them with every gold paragraph in the pool. ",
                        r.path("questions").asLong(), r.path("questions_repeated").asLong(), r.path("questions_scored").asLong(),
                        r.path("questions_gold_in_corpus").asLong()))
                .append(String.format(Locale.ROOT, "%,d pooled paragraphs after removing %,d duplicates, indexed at %,.0f docs/s. ",
                        r.path("corpus_paragraphs").asLong(), r.path("duplicates_removed").asLong(),
                        r.path("index_docs_per_s").asDouble()))
                .append("Queries/s: one thread, top ").append(r.path("depth").asInt()).append(", no snippets.\n\n");
        md.append(HEADER).append("| queries/s |\n").append(RULE).append("---:|\n");
        JsonNode variants = r.path("variants");
        if (variants.isArray() && !variants.isEmpty()) {
            for (JsonNode v : variants) {
                row(md, v.path("config").path("label").asText(), v.path("scores"), v.path("queries_per_s").asDouble());
            }
        } else {
            row(md, primary, r, r.path("queries_per_s").asDouble());
        }
        if (variants.isArray() && !variants.isEmpty() && variants.get(0).has("gold_in_pool")) {
            appendVariantSubsets(md, variants);
        }
        md.append("\nSubsets, ").append(primary).append(":\n\n").append(HEADER).append("|\n").append(RULE).append("\n");
        if (r.path("gold_in_pool").isObject()) {
            row(md, "every gold paragraph in the pool", r.path("gold_in_pool"), Double.NaN);
        }
        r.path("by_dataset").fields().forEachRemaining(e -> row(md, "file `" + e.getKey() + "`", e.getValue(), Double.NaN));
        r.path("by_type").fields().forEachRemaining(e -> row(md, "type " + e.getKey() + " (files that name types)",
                e.getValue(), Double.NaN));
    }

    /** Recall-both@10 of every configuration: all questions, those with every gold paragraph in the pool, each file. */
    private static void appendVariantSubsets(StringBuilder md, JsonNode variants) {
        List<String> files = new java.util.ArrayList<>();
        variants.get(0).path("by_dataset").fieldNames().forEachRemaining(files::add);
        md.append("\nRecall-both@10 by subset:\n\n| configuration | all | gold in pool |");
        files.forEach(f -> md.append(" `").append(f.substring(f.lastIndexOf('/') + 1)).append("` |"));
        md.append("\n|---|---:|---:|").append("---:|".repeat(files.size())).append('\n');
        for (JsonNode v : variants) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |", v.path("config").path("label").asText(),
                    v.path("scores").path("recall_both_at_k").path("10").asDouble(),
                    v.path("gold_in_pool").path("recall_both_at_k").path("10").asDouble()));
            files.forEach(f -> md.append(String.format(Locale.ROOT, " %.3f |",
                    v.path("by_dataset").path(f).path("recall_both_at_k").path("10").asDouble())));
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, String label, JsonNode scores, double qps) {
        md.append("| ").append(label).append(" | ").append(scores.path("questions").asLong(scores.path("questions_scored").asLong()));
        double sum = 0;
        for (int k : RetrievalScores.CUTOFFS) {
            double recall = scores.path("recall_both_at_k").path(String.valueOf(k)).asDouble();
            sum += recall;
            md.append(String.format(Locale.ROOT, " | %.3f", recall));
        }
        md.append(String.format(Locale.ROOT, " | %.3f", sum / RetrievalScores.CUTOFFS.size()));
        for (int k : RetrievalScores.CUTOFFS) {
            md.append(String.format(Locale.ROOT, " | %.3f", scores.path("recall_any_at_k").path(String.valueOf(k)).asDouble()));
        }
        md.append(String.format(Locale.ROOT, " | %.3f |%s%n", scores.path("mrr").asDouble(),
                Double.isNaN(qps) ? "" : String.format(Locale.ROOT, " %,.0f |", qps)));
    }
}
