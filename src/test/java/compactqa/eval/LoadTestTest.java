package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The load test's guards and arithmetic, and how it finds the server's process. */
class LoadTestTest {

    @Test
    void onlyLoopbackTargetsAreAccepted() {
        assertEquals(8080, LoadTest.loopback("http://127.0.0.1:8080").getPort());
        assertEquals("localhost", LoadTest.loopback("http://localhost:9000/").getHost());
        assertThrows(IllegalArgumentException.class, () -> LoadTest.loopback("http://93.184.216.34:80"));
        assertThrows(IllegalArgumentException.class, () -> LoadTest.loopback("file:///etc/passwd"));
    }

    @Test
    void memoryGrowthIsMeasuredFromTheEndOfTheWarmUp() {
        List<LoadTest.MemorySample> memory = List.of(new LoadTest.MemorySample(1, 100), new LoadTest.MemorySample(20, 200),
                new LoadTest.MemorySample(60, 210), new LoadTest.MemorySample(100, 220));
        assertEquals(0.1, LoadTest.growth(memory, 100), 1e-9, "from 200 after the warm-up to 220");
        assertNull(LoadTest.growth(List.of(new LoadTest.MemorySample(90, 1)), 100));
    }

    @Test
    void percentilesAreNearestRank() {
        LoadTest.Route r = LoadTest.route(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 6.0, 7.0, 8.0, 9.0, 10.0));
        assertEquals(10, r.requests());
        assertEquals(5.0, r.p50Ms());
        assertEquals(10.0, r.p95Ms());
        assertEquals(10.0, r.maxMs());
    }

    @Test
    void theProcessListeningOnAPortIsFoundThroughProc() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long pid = LoadTest.listeningPid(socket.getLocalPort()).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), pid);
            assertTrue(LoadTest.rss(pid).orElseThrow() > 1_000_000, "a JVM holds more than a megabyte");
        }
    }

    @Test
    void anAnswersTimeIsSplitByItsTraceAndTheRestIsOutsideThePipeline() {
        String body = "{\"answer\": \"x\", \"trace\": {\"retrievalMs\": 2.5, \"compressionMs\": 150, \"readerMs\": 20.5, \"totalMs\": 173}}";
        var stages = LoadTest.stages(body, 200);
        assertEquals(List.of("retrieval", "compression", "reader", "pipeline", "outside"), List.copyOf(stages.keySet()));
        assertEquals(150.0, stages.get("compression"));
        assertEquals(27.0, stages.get("outside"), 1e-9, "what the client waited beyond the pipeline");
        assertEquals(0.0, LoadTest.stages(body, 100).get("outside"), "a clock that disagrees never gives a negative wait");
        assertTrue(LoadTest.stages("{\"type\": \"about:blank\"}", 5).isEmpty());
        assertTrue(LoadTest.stages("not json", 5).isEmpty());
    }
}
