package compactqa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.eval.ModelProvenance;
import compactqa.eval.ResultVerifier;
import compactqa.index.IndexStore;

/**
 * Re-runs the command one result file records, through the same command line a user types, into a
 * temporary folder (with the models it was made with, taken from git where they changed since),
 * and compares the figures. The part of {@code qa eval verify} that needs the CLI itself.
 */
final class ResultReplay {

    /**
     * What the re-run of one file found.
     *
     * @param verdict     OK, OKISH or FAIL (OTHER_CPU where every figure is int8 from another kind of CPU); or MISSING, REPLACED or NOT-RERUN where it could not run
     * @param size        at what size it ran, or why it did not
     * @param differences the figures that were not OK, one line each
     */
    record Outcome(String verdict, String size, List<String> differences) {
        boolean good() {
            return verdict.equals("OK") || verdict.equals("OKISH");
        }
    }

    private final CdiCommandFactory factory;
    private final CommandContext context;

    ResultReplay(CdiCommandFactory factory, CommandContext context) {
        this.factory = factory;
        this.context = context;
    }

    /** Verifies {@code file}; slow benchmarks at their prefix size unless {@code full}. */
    Outcome verify(Path file, boolean full) throws IOException, InterruptedException {
        JsonNode recorded = new ObjectMapper().readTree(file.toFile());
        RecordedCommand recordedCommand = RecordedCommand.of(recorded.path("command").asText());
        RecordedCommand.Kind kind = recordedCommand.kind();
        if (kind.notRerun != null) {
            return new Outcome("NOT-RERUN", kind.notRerun, List.of());
        }
        Path work = Files.createTempDirectory("compactqa-verify-");
        try {
            // a QA run reads the service's configured pair, which cannot be pointed elsewhere in one process
            ModelProvenance.Resolution models = ModelProvenance.resolve(recordedCommand.models(), kind != RecordedCommand.Kind.QA,
                    context.project().home(), recorded.path("commit").asText(""), context::resolve, work.resolve("models"));
            if (models.unavailable() != null) {
                return new Outcome(models.unavailable().status(), models.unavailable().reason(), List.of());
            }
            JsonNode expected = full || !kind.limitable ? recorded : ResultVerifier.atPrefix(recorded);
            String size = expected == recorded ? "recorded size" : "first " + ResultVerifier.PREFIX_QUESTIONS + " questions per set";
            if (expected == null) {
                expected = recorded;
                size = "recorded size (the file records no prefix figures)";
            }
            JsonNode rerun;
            try {
                rerun = rerun(file, recordedCommand.withModels(models.restored())
                        .atPrecision(recorded.path("models").path("precision").asText(null)).rerun(work, expected != recorded), work);
            } catch (IllegalStateException e) {
                // one broken command does not stop a verification of many files: it is a failure like any other
                return new Outcome("FAIL", e.getMessage(), List.of());
            }
            List<ResultVerifier.Check> checks = ResultVerifier.compare(expected, rerun);
            List<String> differences = checks.stream().filter(c -> c.verdict() != ResultVerifier.Verdict.OK)
                    .map(c -> String.format("%-6s %s: recorded %s, now %s", c.verdict(), c.field(), c.recorded(), c.rerun())).toList();
            long otherCpu = checks.stream().filter(c -> c.verdict() == ResultVerifier.Verdict.OTHER_CPU).count();
            String compared = otherCpu == 0 ? checks.size() + " figures"
                    : (checks.size() - otherCpu) + " figures (" + otherCpu + " int8 ones recorded on another kind of int8 CPU not compared)";
            return new Outcome(ResultVerifier.overall(checks).name(), compared + ", " + size + models.note(), differences);
        } finally {
            IndexStore.deleteTree(work);
        }
    }

    /** Runs {@code args} and reads the result it wrote into {@code work}, named as {@code file}. */
    private JsonNode rerun(Path file, String[] args, Path work) throws IOException {
        int status = QaCommandLine.commandLine(factory).execute(args);
        if (status != 0) {
            throw new IllegalStateException(file + ": the recorded command failed with status " + status);
        }
        Path rerun = work.resolve(file.getFileName());
        if (!Files.isRegularFile(rerun)) {
            throw new IllegalStateException(file + ": the re-run wrote no " + file.getFileName());
        }
        return new ObjectMapper().readTree(rerun.toFile());
    }
}
