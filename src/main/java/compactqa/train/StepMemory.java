package compactqa.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import compactqa.metrics.ProcessMemory;

/**
 * The resident memory a training step adds above what was resident when it began (its activations
 * kept for the backward pass, gradients, temporaries), read from Linux's {@code /proc/self/status}:
 * each step starts by resetting the kernel's peak-RSS mark ({@code clear_refs} 5) and ends by reading
 * it. This is what the compressed-activation mode cuts; the process's whole peak mixes it with the
 * weights, the data and the JVM heap.
 *
 * A process's first step is left out: it also allocates the gradients and the optimizer's moments.
 *
 * <p>Memory freed to the C allocator is only returned to the system (and so only seen here) for
 * blocks it maps on their own; glibc raises that threshold after the first frees, so a step's smaller
 * tensors could stay resident and go uncounted. {@code ./qa train} fixes the threshold (at 1 MB,
 * unless {@code MALLOC_MMAP_THRESHOLD_} is set); {@link #mmapThreshold} records it. Where the files
 * are missing or not writable, every figure is -1.
 */
final class StepMemory {

    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private boolean available = true;
    private long startRss;
    private long peakStep = -1;
    private long peakRss = -1;
    private long steps;

    /** Marks a step's start. */
    void begin() {
        if (!available) {
            return;
        }
        try {
            peakRss = Math.max(peakRss, read("VmHWM:"));
            startRss = read("VmRSS:");
            Files.writeString(CLEAR_REFS, "5", StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            available = false;
        }
    }

    /** Marks the step's end (after the backward pass and the optimizer step). */
    void end() {
        if (!available) {
            return;
        }
        try {
            long hwm = read("VmHWM:");
            peakRss = Math.max(peakRss, hwm);
            // a process's first step also allocates the gradients and the optimizer's moments, which then stay
            if (++steps > 1) {
                peakStep = Math.max(peakStep, hwm - startRss);
            }
        } catch (IOException | RuntimeException e) {
            available = false;
        }
    }

    /** The most any step but the first added, in bytes, or -1. */
    long peakStepBytes() {
        return available ? peakStep : -1;
    }

    /** The process's peak resident memory so far, in bytes, or -1. */
    long peakRssBytes() {
        return available ? Math.max(peakRss, processPeakRss()) : -1;
    }

    /** The kernel's peak-RSS mark for this process (since its start or the last reset), in bytes, or -1. */
    static long processPeakRss() {
        return ProcessMemory.peakRssBytes();
    }

    /** The C allocator's fixed mmap threshold this process runs with, or null where it adapts (glibc's default). */
    static String mmapThreshold() {
        return System.getenv("MALLOC_MMAP_THRESHOLD_");
    }

    private static long read(String key) throws IOException {
        return ProcessMemory.status(key);
    }
}
