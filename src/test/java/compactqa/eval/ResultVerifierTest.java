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
}
