package compactqa.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.LongAdder;

import compactqa.index.BuildListener;

/**
 * A progress bar for index builds on a terminal: share of the input read (by bytes on disk, known in
 * advance even for compressed files), documents, documents per second and the time left. Where the
 * output is not a terminal it prints a plain line every few seconds instead of redrawing one.
 */
final class ConsoleProgress implements BuildListener {

    private static final int WIDTH = 24;
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final LongAdder bytesRead;
    private final long bytesTotal;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastPlain = start;
    private boolean drawn;

    ConsoleProgress(PrintWriter out, LongAdder bytesRead, long bytesTotal, boolean terminal) {
        this.out = out;
        this.bytesRead = bytesRead;
        this.bytesTotal = Math.max(1, bytesTotal);
        this.terminal = terminal;
    }

    @Override
    public void onProgress(long indexed, long duplicates) {
        long now = System.nanoTime();
        if (!terminal && now - lastPlain < PLAIN_EVERY_NANOS) {
            return;
        }
        lastPlain = now;
        String line = line(indexed, duplicates, Math.min(1.0, bytesRead.sum() / (double) bytesTotal), (now - start) / 1e9);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the bar's line, if one was drawn. */
    void finish() {
        if (drawn) {
            out.println();
            out.flush();
        }
    }

    static String line(long indexed, long duplicates, double fraction, double seconds) {
        int filled = (int) Math.round(fraction * WIDTH);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        double rate = seconds > 0 ? (indexed + duplicates) / seconds : 0;
        String eta = fraction > 0.001 ? duration(seconds * (1 - fraction) / fraction) : "--:--";
        return String.format("%3.0f%% [%s] %,d docs (%,d duplicates) %,.0f docs/s ETA %s",
                fraction * 100, bar, indexed, duplicates, rate, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
