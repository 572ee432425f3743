package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ResultVerifierTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void qualityFiguresMustMatchWhileTheMachineAndTimingMayDiffer() throws Exception {
        JsonNode recorded = json("{\"f1\": 41.31, \"latency_ms_p50\": 414, \"machine\": {\"cpu_flags\": [\"avx2\", \"fma\"]}}");
        JsonNode sameFigures = json("{\"f1\": 41.31, \"latency_ms_p50\": 250, \"machine\": {\"cpu_flags\": [\"avx2\", \"avx512_vnni\"]}}");
        assertEquals(ResultVerifier.Verdict.OK, ResultVerifier.overall(ResultVerifier.compare(recorded, sameFigures)));
        assertEquals(ResultVerifier.Verdict.OKISH, ResultVerifier.overall(ResultVerifier.compare(recorded, json("{\"f1\": 41.311}"))));
        assertEquals(ResultVerifier.Verdict.FAIL, ResultVerifier.overall(ResultVerifier.compare(recorded, json("{\"f1\": 41.88}"))));
    }

    @Test
    void int8FiguresFromAnotherKindOfInt8CpuAreNotComparedButFp32OnesAre() throws Exception {
        String avx2 = "\"machine\": {\"cpu_flags\": [\"avx2\", \"fma\"]}";
        String vnni = "\"machine\": {\"cpu_flags\": [\"avx2\", \"avx512_vnni\"]}";
        JsonNode recorded = json("{\"methods\": {\"active\": {\"f1\": 41.31},"
                + " \"active_int8\": {\"f1\": 44.92, \"steps\": 10}}, " + avx2 + "}");
        JsonNode otherKind = json("{\"methods\": {\"active\": {\"f1\": 41.31}, \"active_int8\": {\"f1\": 45.58, \"steps\": 10}}, "
                + vnni + "}");
        var checks = ResultVerifier.compare(recorded, otherKind);
        assertEquals(ResultVerifier.Verdict.OK, ResultVerifier.overall(checks));
        assertEquals(ResultVerifier.Verdict.OTHER_CPU, checks.get(1).verdict());
        assertEquals(ResultVerifier.Verdict.OK, checks.get(2).verdict(), "an int8 figure that reproduces anyway is OK");
        // the same int8 difference on the same kind of CPU is a failure, and so is an fp32 one anywhere
        JsonNode sameKind = json("{\"methods\": {\"active\": {\"f1\": 41.31}, \"active_int8\": {\"f1\": 45.58}}, " + avx2 + "}");
        assertEquals(ResultVerifier.Verdict.FAIL, ResultVerifier.overall(ResultVerifier.compare(recorded, sameKind)));
        JsonNode fp32Moved = json("{\"methods\": {\"active\": {\"f1\": 41.5}, \"active_int8\": {\"f1\": 45.58}}, " + vnni + "}");
        assertEquals(ResultVerifier.Verdict.FAIL, ResultVerifier.overall(ResultVerifier.compare(recorded, fp32Moved)));
    }

    @Test
    void aCompressedInt8ModelsMetricsDependOnTheCpuButItsDiskShareDoesNot() throws Exception {
        JsonNode int8 = json("{\"method\": \"int8\"}");
        assertEquals(true, ResultVerifier.int8Figure(int8, "metrics.squad_heldout_f1"));
        assertEquals(true, ResultVerifier.int8Figure(int8, "relative.squad_heldout_f1_retention"));
        assertEquals(false, ResultVerifier.int8Figure(int8, "relative.disk_share"));
        assertEquals(false, ResultVerifier.int8Figure(int8, "original.metrics.squad_heldout_f1"));
        assertEquals(false, ResultVerifier.int8Figure(json("{\"method\": \"theseus\"}"), "metrics.squad_heldout_f1"));
        assertEquals(true, ResultVerifier.int8Figure(json("{\"models\": {\"precision\": \"int8\"}}"), "methods.raw.f1"));
        assertEquals(true, ResultVerifier.int8Figure(json("{\"models\": {\"precision\": \"reader-fp32+compressor-int8\"}}"), "methods.active.f1"),
                "a run whose compressor ran int8");
    }
}
