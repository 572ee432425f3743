package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * What {@code qa eval verify} found for each result file, kept in {@code eval/verified.json}, so
 * that a verification spread over several sessions (the compression results alone take hours of
 * CPU) adds up to one of every file. An entry holds for the content it was made on (the file's
 * SHA-256): a result written again since is pending again.
 */
public final class VerificationLedger {

    /** The ledger's place in a project. */
    public static final String FILE = "eval/verified.json";

    /**
     * One verification.
     *
     * @param sha256      the result file's content it was made on
     * @param verdict     OK, OKISH, FAIL, MISSING, REPLACED or NOT-RERUN
     * @param size        at what size the recorded command ran again, or why it did not
     * @param differences the figures that were not OK ({@code field: recorded R, now N})
     */
    public record Entry(String sha256, String verdict, String size, String commit, String date, Machine machine,
                        List<String> differences) {
    }

    private final Path file;
    private final Map<String, Entry> entries;

    private VerificationLedger(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The ledger at {@code file}, empty if there is none yet. */
    public static VerificationLedger open(Path file) throws IOException {
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.exists(file)) {
            entries.putAll(ResultFiles.json().readValue(file.toFile(), new TypeReference<Map<String, Entry>>() { }));
        }
        return new VerificationLedger(file, entries);
    }

    /** The entry that holds for {@code result} as it is now, or null. */
    public Entry current(Path result) throws IOException {
        return current(result, sha256(result));
    }

    /** The entry that holds for {@code result} with the content {@code sha256}, or null. */
    public Entry current(Path result, String sha256) {
        Entry e = entries.get(result.getFileName().toString());
        return e != null && e.sha256().equals(sha256) ? e : null;
    }

    /**
     * Records a verification of {@code result} with the content {@code sha256} (hashed before it was
     * read for the verification: a file rewritten meanwhile stays pending), and saves the ledger
     * (atomically).
     */
    public void record(Path result, String sha256, String verdict, String size, RunInfo run, List<String> differences)
            throws IOException {
        entries.put(result.getFileName().toString(), new Entry(sha256, verdict, size, run.commit(), run.date(),
                Machine.current(), List.copyOf(differences)));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ResultFiles.json().writeValue(tmp.toFile(), entries);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One line on {@code results}: how many hold a verdict of each kind for their present content, and which are pending. */
    public String summary(List<Path> results) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> pending = new ArrayList<>();
        for (Path r : results) {
            Entry e = current(r);
            if (e == null) {
                pending.add(r.getFileName().toString());
            } else {
                counts.merge(e.verdict(), 1, Integer::sum);
            }
        }
        return String.format("ledger %s: %d result files; %s; pending %d%s", file, results.size(), counts, pending.size(),
                pending.isEmpty() ? "" : " (" + String.join(", ", pending) + ")");
    }

    /** The SHA-256 of {@code file}'s content, in hex. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
