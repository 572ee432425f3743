package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineLoadTest {

    @Test
    void theLoadIsTheLoadavgLinesFirstField() {
        assertEquals(1.97, MachineLoad.parse("1.97 1.42 0.88 3/412 12345\n"), 1e-9);
        double now = MachineLoad.sample();
        if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/loadavg"))) {
            assertTrue(now >= 0, "Linux gives a load average: " + now);
        } else {
            assertTrue(Double.isNaN(now), "without /proc/loadavg the load is unknown: " + now);
        }
        assertTrue(MachineLoad.engineThreads() >= 1);
    }

    @Test
    void aRunRecordsItsMeanLoadAndItsThreadsUnlessItsResumptionsDiffered() {
        TrainingState fresh = TrainingState.start(10, "task: reader");
        TrainingState two = fresh.advance(1, 0, 1, 1).withLoad(1, 2.0).advance(2, 0, 2, 2).withLoad(1, 1.0)
                .advance(3, 0, 3, 3).withLoad(1, Double.NaN);
        assertEquals(1, two.threads());
        assertEquals(1.5, two.meanLoad(), 1e-9, "an unknown sample is left out");
        assertEquals(-1, fresh.meanLoad());
        assertEquals(-1, two.advance(4, 0, 4, 4).withLoad(2, 2.0).threads(), "resumed at other threads");
        TrainingState older = new TrainingState(5, 0, 5, 10, "task: reader", java.util.List.of(), 5, -1, -1, 0, 0, 0);
        assertEquals(-1, older.advance(6, 0, 6, 6).withLoad(2, 2.0).threads(), "resumed from a checkpoint that did not record them");
    }
}
