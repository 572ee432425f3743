package compactqa.eval;

/**
 * The clock a core runs at while busy, measured: a chain of dependent steps, each an xor and an
 * add (two cycles, one after the other, on every x86 and ARM core of the last decade), timed, the
 * fastest of a few rounds. Virtual machines report their base clock in {@code /proc/cpuinfo} and
 * hide the turbo one the cores actually run at, which is what a peak must be computed from.
 */
public final class ClockEstimate {

    private static final long STEPS = 100_000_000L;
    private static final int ROUNDS = 5;

    private ClockEstimate() {
    }

    /** The measured clock in GHz (the first round warms the compiler up and is not counted). */
    public static double measureGhz() {
        long sink = 0;
        double best = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            sink += chain(STEPS, round);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (round > 0) {
                best = Math.max(best, 2 * STEPS / seconds / 1e9);
            }
        }
        // the sum keeps the compiler from dropping the chains as dead code
        return sink == 42 ? best + 1e-12 : best;
    }

    static long chain(long steps, long x) {
        for (long i = 0; i < steps; i++) {
            x = (x ^ i) + 1;
        }
        return x;
    }
}
