package compactqa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void lineShowsShareRateAndTimeLeft() {
        // a quarter read in 10 s: 30 s to go; 1,000 documents in 10 s: 100 docs/s
        assertEquals(" 25% [######..................] 990 docs (10 duplicates) 100 docs/s ETA 0:30",
                ConsoleProgress.line(990, 10, 0.25, 10));
    }

    @Test
    void etaIsUnknownBeforeAnythingIsRead() {
        assertEquals("  0% [........................] 0 docs (0 duplicates) 0 docs/s ETA --:--",
                ConsoleProgress.line(0, 0, 0, 0));
    }

    @Test
    void longDurationsShowHours() {
        assertEquals("1:01:01", ConsoleProgress.duration(3661));
        assertEquals("0:59", ConsoleProgress.duration(59.4));
    }

    @Test
    void terminalRedrawsOneLineAndFinishEndsIt() {
        StringWriter text = new StringWriter();
        LongAdder read = new LongAdder();
        read.add(50);
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), read, 100, true);
        progress.onProgress(5, 0);
        progress.finish();
        String s = text.toString();
        assertEquals('\r', s.charAt(0));
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), "one line, ended by finish()");
        assertEquals('\n', s.charAt(s.length() - 1));
        assertEquals(true, s.contains(" 50% "));
    }
}
