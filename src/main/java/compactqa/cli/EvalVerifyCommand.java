package compactqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.eval.ModelProvenance;
import compactqa.eval.ResultVerifier;
import compactqa.index.IndexStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qa eval verify}: re-run recorded benchmarks and compare their figures with the record. */
@Dependent
@Command(name = "verify",
        description = {"Re-run the command recorded in each result file (default: every eval/results/*.json) from the project",
                "folder, writing nothing there, and compare its quality figures with the recorded ones: OK (equal), OKISH",
                "(within rounding) or FAIL. A model it reads that is gone or changed since is taken from git as it was then;",
                "MISSING or REPLACED where git lacks it; NOT-RERUN where it needs a running service. Slow benchmarks (qa,",
                "compress) re-run on their first " + ResultVerifier.PREFIX_QUESTIONS + " questions against the figures the file records for them,",
                "unless --full. Timing is not compared. Exits 1 unless every file is OK or OKISH."})
public class EvalVerifyCommand implements Callable<Integer> {

    @Inject
    CdiCommandFactory factory;

    @Mixin
    CommandContext context;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Result files to verify.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--full", description = "Re-run slow benchmarks at their recorded size too.")
    boolean full;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        List<Path> targets = files.isEmpty() ? context.project().resultFiles() : files;
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no result files to verify");
        }
        ObjectMapper json = new ObjectMapper();
        boolean allGood = true;
        for (Path file : targets) {
            JsonNode recorded = json.readTree(file.toFile());
            String command = recorded.path("command").asText();
            RecordedCommand recordedCommand = RecordedCommand.of(command);
            RecordedCommand.Kind kind = recordedCommand.kind();
            if (kind.notRerun != null) {
                out.printf("%-9s %s: %s%n", "NOT-RERUN", file, kind.notRerun);
                allGood = false;
                continue;
            }
            Path work = Files.createTempDirectory("compactqa-verify-");
            // a QA run reads the service's configured pair, which cannot be pointed elsewhere in one process
            ModelProvenance.Resolution models = ModelProvenance.resolve(recordedCommand.models(), kind != RecordedCommand.Kind.QA,
                    context.project().home(), recorded.path("commit").asText(""), context::resolve, work.resolve("models"));
            if (models.unavailable() != null) {
                out.printf("%-9s %s: %s%n", models.unavailable().status(), file, models.unavailable().reason());
                IndexStore.deleteTree(work);
                allGood = false;
                continue;
            }
            JsonNode expected = full || !kind.limitable ? recorded : ResultVerifier.atPrefix(recorded);
            String size = expected == recorded ? "recorded size" : "first " + ResultVerifier.PREFIX_QUESTIONS + " questions per set";
            if (expected == null) {
                expected = recorded;
                size = "recorded size (the file records no prefix figures)";
            }
            try {
                JsonNode rerun = rerun(file, recordedCommand.withModels(models.restored()).rerun(work, expected != recorded), work);
                List<ResultVerifier.Check> checks = ResultVerifier.compare(expected, rerun);
                ResultVerifier.Verdict verdict = ResultVerifier.overall(checks);
                out.printf("%-9s %s (%d figures, %s%s)%n", verdict, file, checks.size(), size, models.note());
                checks.stream().filter(c -> c.verdict() != ResultVerifier.Verdict.OK)
                        .forEach(c -> out.printf("          %-6s %s: recorded %s, now %s%n", c.verdict(), c.field(), c.recorded(), c.rerun()));
                out.flush();
                allGood &= verdict != ResultVerifier.Verdict.FAIL;
            } finally {
                IndexStore.deleteTree(work);
            }
        }
        return allGood ? 0 : 1;
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
