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

import compactqa.eval.ResultVerifier;
import compactqa.index.IndexStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qa eval verify}: re-run recorded benchmarks and compare their figures with the record. */
@Dependent
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Re-run the command recorded in each result file (default: every eval/results/retrieval-*.json)",
                "from the project folder and compare its quality figures with the recorded ones:",
                "OK (equal), OKISH (within rounding) or FAIL. Throughput is not compared. Exits 1 on any FAIL."})
public class EvalVerifyCommand implements Callable<Integer> {

    private static final String RERUNNABLE = "./qa eval retrieval ";

    @Inject
    CdiCommandFactory factory;

    @Inject
    ProjectConfig project;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Result files to verify.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> targets = files.isEmpty() ? recordedResults() : files;
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no result files to verify");
        }
        ObjectMapper json = new ObjectMapper();
        boolean failed = false;
        for (Path file : targets) {
            JsonNode recorded = json.readTree(file.toFile());
            String command = recorded.path("command").asText();
            if (!command.startsWith(RERUNNABLE)) {
                throw new IllegalArgumentException(file + ": cannot re-run '" + command + "'");
            }
            Path work = Files.createTempDirectory("compactqa-verify-");
            try {
                List<String> args = new ArrayList<>(List.of(command.substring("./qa ".length()).split(" +")));
                int output = args.indexOf("--output");
                if (output >= 0 && output + 1 < args.size()) {
                    args.subList(output, output + 2).clear();
                }
                args.addAll(List.of("--output", work.toString()));
                int status = QaCommandLine.commandLine(factory).execute(args.toArray(String[]::new));
                if (status != 0) {
                    throw new IllegalStateException(file + ": the recorded command failed with status " + status);
                }
                Path rerun;
                try (Stream<Path> produced = Files.list(work)) {
                    rerun = produced.filter(p -> p.toString().endsWith(".json")).findFirst()
                            .orElseThrow(() -> new IllegalStateException(file + ": the re-run wrote no result"));
                }
                List<ResultVerifier.Check> checks = ResultVerifier.compare(recorded, json.readTree(rerun.toFile()));
                ResultVerifier.Verdict verdict = ResultVerifier.overall(checks);
                out.printf("%-6s %s (%d figures)%n", verdict, file, checks.size());
                checks.stream().filter(c -> c.verdict() != ResultVerifier.Verdict.OK)
                        .forEach(c -> out.printf("       %-6s %s: recorded %s, now %s%n", c.verdict(), c.field(), c.recorded(), c.rerun()));
                failed |= verdict == ResultVerifier.Verdict.FAIL;
            } finally {
                IndexStore.deleteTree(work);
            }
        }
        return failed ? 1 : 0;
    }

    private List<Path> recordedResults() throws IOException {
        Path results = project.results();
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(results)) {
            return list.filter(p -> p.getFileName().toString().matches("retrieval-.*\\.json")).sorted().toList();
        }
    }
}
