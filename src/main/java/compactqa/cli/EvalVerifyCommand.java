package compactqa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import compactqa.eval.ModelProvenance;
import compactqa.eval.ResultVerifier;
import compactqa.eval.RunInfo;
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
                "(within rounding) or FAIL; MISSING where a model the command reads is not in the tree, REPLACED where it holds",
                "another model than when the figures were made, NOT-RERUN where it needs a running service. Slow benchmarks (qa, compress) re-run on their first " + ResultVerifier.PREFIX_QUESTIONS,
                "questions against the figures the file records for them, unless --full. Timing is not compared.",
                "Exits 1 unless every file is OK or OKISH."})
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
        List<Path> targets = files.isEmpty() ? recordedResults() : files;
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
            ModelProvenance.Unavailable unavailable = ModelProvenance.check(recordedCommand.models(), context::resolve,
                    recorded.path("commit").asText(""), (commit, path) -> RunInfo.fileAt(context.project().home(), commit, path));
            if (unavailable != null) {
                out.printf("%-9s %s: %s%n", unavailable.status(), file, unavailable.reason());
                allGood = false;
                continue;
            }
            JsonNode expected = full || !kind.limitable ? recorded : ResultVerifier.atPrefix(recorded);
            String size = expected == recorded ? "recorded size" : "first " + ResultVerifier.PREFIX_QUESTIONS + " questions per set";
            if (expected == null) {
                expected = recorded;
                size = "recorded size (the file records no prefix figures)";
            }
            Path work = Files.createTempDirectory("compactqa-verify-");
            try {
                JsonNode rerun = rerun(file, recordedCommand.rerun(work, expected != recorded), work);
                List<ResultVerifier.Check> checks = ResultVerifier.compare(expected, rerun);
                ResultVerifier.Verdict verdict = ResultVerifier.overall(checks);
                out.printf("%-9s %s (%d figures, %s)%n", verdict, file, checks.size(), size);
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

    private List<Path> recordedResults() throws IOException {
        Path results = context.project().results();
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(results)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
