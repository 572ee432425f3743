package compactqa.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class StepMemoryTest {

    private static final int MB = 1 << 20;

    @Test
    void aStepsPeakIsWhatItAllocatedAboveItsStartAndTheFirstStepIsLeftOut() {
        assumeTrue(Files.isWritable(Path.of("/proc/self/clear_refs")), "needs Linux's clear_refs");
        StepMemory memory = new StepMemory();
        memory.begin();
        touch(96 * MB); // the first step: gradients and optimizer moments, left out
        memory.end();
        assertEquals(-1, memory.peakStepBytes());
        memory.begin();
        ByteBuffer held = touch(64 * MB);
        memory.end();
        long peak = memory.peakStepBytes();
        assertTrue(peak >= 60L * MB && peak < 90L * MB, "a 64 MB step measured " + peak / MB + " MB");
        assertTrue(memory.peakRssBytes() >= peak, "the process's peak holds the step's");
        assertEquals(64 * MB, held.capacity());
    }

    /** A direct buffer of {@code bytes}, every page written so that it is resident. */
    private static ByteBuffer touch(int bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes);
        for (int i = 0; i < bytes; i += 4096) {
            b.put(i, (byte) 1);
        }
        return b;
    }
}
