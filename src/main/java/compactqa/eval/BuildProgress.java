package compactqa.eval;

import java.io.PrintWriter;

import compactqa.index.BuildListener;

/**
 * A plain progress line every ten seconds for a benchmark's index build, which can take minutes
 * when every paragraph is embedded: paragraphs read of those pooled, rate and time left.
 */
final class BuildProgress implements BuildListener {

    private static final long EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter log;
    private final long total;
    private final long start = System.nanoTime();
    private long last = start;

    BuildProgress(PrintWriter log, long total) {
        this.log = log;
        this.total = Math.max(1, total);
    }

    @Override
    public void onProgress(long indexed, long duplicates) {
        long now = System.nanoTime();
        if (now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        long done = indexed + duplicates;
        double seconds = (now - start) / 1e9;
        double rate = done / seconds;
        log.printf("  indexing: %,d of %,d paragraphs, %,.0f/s, about %.0f s left%n", done, total, rate,
                rate > 0 ? (total - done) / rate : Double.NaN);
        log.flush();
    }
}
