package compactqa.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux counts it in {@code /proc/self/status}: what a benchmark
 * reports as "peak RSS" (the JVM heap is only part of it: Lucene maps its files, ONNX Runtime and
 * PyTorch allocate natively).
 */
public final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** The kernel's peak-RSS mark ({@code VmHWM}: since the start or the last reset), in bytes, or -1 where unknown. */
    public static long peakRssBytes() {
        try {
            return status("VmHWM:");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A memory line of the status file ({@code VmRSS:}, {@code VmHWM:} ...), in bytes. */
    public static long status(String key) throws IOException {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException(key + " not in " + STATUS);
    }
}
