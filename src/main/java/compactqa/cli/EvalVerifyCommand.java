package compactqa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import compactqa.eval.ResultVerifier;
import compactqa.eval.VerificationLedger;
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

    @Option(names = "--ledger", description = {"Record each verdict in " + VerificationLedger.FILE + " (or --ledger-file) for the result",
            "file's present content, skip the files it holds a verdict for, and end with its count: a verification spread over",
            "sessions adds up."})
    boolean ledger;

    // a separate option: an optional value on --ledger would swallow the first result file named after it
    @Option(names = "--ledger-file", paramLabel = "FILE", description = "Where --ledger keeps its verdicts (default: " + VerificationLedger.FILE + ").")
    Path ledgerFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = context.out();
        List<Path> targets = files.isEmpty() ? context.project().resultFiles() : files;
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no result files to verify");
        }
        VerificationLedger kept = !ledger ? null
                : VerificationLedger.open(context.resolve(ledgerFile != null ? ledgerFile : Path.of(VerificationLedger.FILE)));
        ResultReplay replay = new ResultReplay(factory, context);
        boolean allGood = true;
        for (Path file : targets) {
            String sha256 = kept == null ? null : VerificationLedger.sha256(file);
            VerificationLedger.Entry held = kept == null ? null : kept.current(file, sha256);
            ResultReplay.Outcome outcome = held != null ? new ResultReplay.Outcome(held.verdict(), held.size(), held.differences())
                    : replay.verify(file, full);
            if (held == null) {
                out.printf("%-9s %s (%s)%n", outcome.verdict(), file, outcome.size());
                outcome.differences().forEach(d -> out.printf("          %s%n", d));
                out.flush();
                if (kept != null) {
                    kept.record(file, sha256, outcome.verdict(), outcome.size(), context.run(), outcome.differences());
                }
            }
            allGood &= outcome.good();
        }
        if (kept != null) {
            out.println(kept.summary(targets));
        }
        return allGood ? 0 : 1;
    }
}
