package compactqa.eval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares a re-run's figures with the recorded ones, in the spirit of Anserini's reproduction
 * checks. Quality figures (counts, recall, MRR) are deterministic and must match; throughput and
 * provenance are expected to differ and are not compared.
 */
public final class ResultVerifier {

    /**
     * Questions a slow benchmark is re-run on: its result file records its figures over its first
     * this many questions too ({@code prefix}), and a re-run limited to them must reproduce those.
     */
    public static final int PREFIX_QUESTIONS = 100;

    /** Differences up to this are reported OKISH rather than FAIL (rounding in the last digit). */
    static final double TOLERANCE = 0.0011;

    /** Fields that differ by machine, load or time. */
    private static final List<String> IGNORED = List.of("command", "commit", "date", "java", "cpus", "load_seconds",
            "index_seconds", "index_docs_per_s", "queries_per_s", "dataset", "latency_ms_p50", "latency_ms_p95", "speedup_1x384",
            "speedup_8x256", "questions_per_s", "stages", "prefix", "speedup_1x384_1t", "speedup_8x256_1t",
            "p50_ms", "p95_ms", "tokens_per_s", "ratios", "machine");

    /**
     * The verdict on one figure. OTHER_CPU: an int8 figure recorded on another kind of int8 CPU
     * ({@link Machine#int8Kind()}), which cannot be reproduced here and so is not compared; it
     * counts for nothing in {@link #overall}.
     */
    public enum Verdict { OTHER_CPU, OK, OKISH, FAIL }

    /**
     * One compared figure.
     *
     * @param field    its path in the result file, such as {@code recall_both_at_k.10}
     * @param recorded the value on record (null if absent)
     * @param rerun    the value now (null if absent)
     */
    public record Check(String field, String recorded, String rerun, Verdict verdict) {
    }

    private ResultVerifier() {
    }

    /**
     * What a re-run over the first {@link #PREFIX_QUESTIONS} questions must reproduce: {@code recorded}
     * with its prefix figures in place of the full run's (and the full run's ratios between methods
     * left out); null where the result records no prefix.
     */
    public static JsonNode atPrefix(JsonNode recorded) {
        JsonNode prefix = recorded.path("prefix");
        if (!prefix.isObject()) {
            return null;
        }
        ObjectNode expected = recorded.deepCopy();
        expected.put("questions", prefix.path("questions").asInt());
        if (prefix.has("methods")) { // qa eval qa
            expected.set("methods", prefix.get("methods"));
        } else { // qa compress, qa eval compressed
            expected.set("metrics", prefix.get("metrics"));
            ((ObjectNode) expected.path("original")).set("metrics", prefix.get("original_metrics"));
            ObjectNode relative = (ObjectNode) expected.path("relative");
            List<String> retention = new ArrayList<>();
            relative.fieldNames().forEachRemaining(f -> {
                if (f.endsWith("_retention")) {
                    retention.add(f);
                }
            });
            relative.remove(retention);
        }
        return expected;
    }

    /**
     * Every comparable figure of {@code recorded} against {@code rerun}, in file order; a figure of
     * int8 arithmetic that differs is OTHER_CPU where both files name their machine and the two
     * differ in their int8 kind (one that reproduces anyway stays OK).
     */
    public static List<Check> compare(JsonNode recorded, JsonNode rerun) {
        List<Check> checks = new ArrayList<>();
        compare("", recorded, rerun, checks);
        Machine then = Machine.of(recorded.path("machine"));
        Machine now = Machine.of(rerun.path("machine"));
        if (then == null || now == null || then.int8Kind() == now.int8Kind()) {
            return checks;
        }
        return checks.stream().map(c -> c.verdict() != Verdict.OK && int8Figure(recorded, c.field())
                ? new Check(c.field(), c.recorded(), c.rerun(), Verdict.OTHER_CPU) : c).toList();
    }

    /**
     * Whether {@code field} of {@code recorded} comes from int8 products: every method's figure in a
     * QA run at int8, a {@code <method>_int8} comparison column, a compressed model's metrics where
     * its method quantizes to int8.
     */
    static boolean int8Figure(JsonNode recorded, String field) {
        if (field.startsWith("methods.")) {
            String method = field.substring("methods.".length()).split("[.\\[]")[0];
            return method.contains("int8") || recorded.path("models").path("precision").asText().contains("int8");
        }
        return recorded.path("method").asText().contains("int8") && (field.startsWith("metrics.") || field.endsWith("_retention"));
    }

    /** The worst verdict among {@code checks} (OTHER_CPU only where every figure is). */
    public static Verdict overall(List<Check> checks) {
        return checks.stream().map(Check::verdict).max(Enum::compareTo).orElse(Verdict.OK);
    }

    private static void compare(String path, JsonNode recorded, JsonNode rerun, List<Check> checks) {
        if (recorded.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!IGNORED.contains(e.getKey())) {
                    compare(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), rerun.path(e.getKey()), checks);
                }
            }
        } else if (recorded.isArray()) {
            for (int i = 0; i < recorded.size(); i++) {
                compare(path + "[" + i + "]", recorded.get(i), rerun.path(i), checks);
            }
        } else {
            checks.add(new Check(path, recorded.asText(), rerun.isMissingNode() ? null : rerun.asText(), verdict(recorded, rerun)));
        }
    }

    private static Verdict verdict(JsonNode recorded, JsonNode rerun) {
        if (recorded.equals(rerun) || (recorded.isNumber() && rerun.isNumber() && recorded.asDouble() == rerun.asDouble())) {
            return Verdict.OK;
        }
        if (recorded.isNumber() && rerun.isNumber() && Math.abs(recorded.asDouble() - rerun.asDouble()) <= TOLERANCE) {
            return Verdict.OKISH;
        }
        return Verdict.FAIL;
    }
}
