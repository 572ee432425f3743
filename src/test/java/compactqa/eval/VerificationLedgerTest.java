package compactqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerificationLedgerTest {

    @TempDir
    Path tmp;

    @Test
    void aVerdictHoldsForTheContentItWasMadeOnAndSurvivesAReopening() throws Exception {
        Path a = Files.writeString(tmp.resolve("qa-a.json"), "{\"f1\": 1}");
        Path b = Files.writeString(tmp.resolve("compress-b.json"), "{\"f1\": 2}");
        Path file = tmp.resolve("eval/verified.json");
        VerificationLedger ledger = VerificationLedger.open(file);
        assertNull(ledger.current(a));
        RunInfo run = new RunInfo("qa eval verify --ledger", "abc", "2026-12-07T00:00:00Z", "25", 2);
        ledger.record(a, VerificationLedger.sha256(a), "OKISH", "12 figures, first 100 questions per set", run, List.of("OKISH f1: recorded 1, now 1.001"));
        ledger.record(b, VerificationLedger.sha256(b), "MISSING", "models/compressed/b was never committed", run, List.of());

        VerificationLedger reopened = VerificationLedger.open(file);
        VerificationLedger.Entry entry = reopened.current(a);
        assertNotNull(entry);
        assertEquals("OKISH", entry.verdict());
        assertEquals(List.of("OKISH f1: recorded 1, now 1.001"), entry.differences());
        assertNotNull(entry.machine());
        assertEquals("ledger " + file + ": 2 result files; {MISSING=1, OKISH=1}; pending 0", reopened.summary(List.of(a, b)));

        Files.writeString(a, "{\"f1\": 3}");
        assertNull(reopened.current(a), "a result written again is pending again");
        assertTrue(reopened.summary(List.of(a, b)).endsWith("pending 1 (qa-a.json)"), reopened.summary(List.of(a, b)));
        assertTrue(Files.readString(file).contains("\"sha256\""));
    }
}
