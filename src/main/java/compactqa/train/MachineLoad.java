package compactqa.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a training run shared the machine with: the intra-op threads the training engine runs, and
 * the kernel's one-minute load average ({@code /proc/loadavg}) sampled after each step. A run's wall
 * time is a speed figure only against a run of the same threads under the same load; a run with one
 * thread beside another training and one alone on two cores can take the same time at very different
 * speeds, so the report compares only pairs these match.
 */
final class MachineLoad {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private MachineLoad() {
    }

    /**
     * The threads PyTorch's intra-op pool takes: DJL's {@code ai.djl.pytorch.num_threads} where set
     * (DJL then sets the pool to it), else {@code OMP_NUM_THREADS} (libtorch's own default), else the cores.
     */
    static int engineThreads() {
        for (String value : new String[] {System.getProperty("ai.djl.pytorch.num_threads"), System.getenv("OMP_NUM_THREADS")}) {
            int threads = positive(value);
            if (threads > 0) {
                return threads;
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** The one-minute load average now, or NaN where the system does not tell. */
    static double sample() {
        try {
            return parse(Files.readString(LOADAVG));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The first field of a {@code /proc/loadavg} line. */
    static double parse(String loadavg) {
        return Double.parseDouble(loadavg.strip().split("\\s+")[0]);
    }

    private static int positive(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
