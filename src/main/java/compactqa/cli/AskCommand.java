package compactqa.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import compactqa.qa.EvidenceSentence;
import compactqa.qa.QaAnswer;
import compactqa.qa.QaPipeline;
import compactqa.qa.QaRequest;
import compactqa.qa.StepTrace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qa ask "..."}: retrieve, compress actively, read; print the answer with its evidence. */
@Dependent
@Command(name = "ask",
        description = {"Answer a question from the index: retrieve, compress the documents actively, read the evidence.",
                "Prints the answer, its confidence and evidence, and with --trace each compression step."})
public class AskCommand implements Callable<Integer> {

    @Inject
    QaPipeline pipeline;

    @Mixin
    CommandContext context;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question.")
    String[] words;

    @Option(names = {"-k", "--top"}, paramLabel = "N", description = "Documents to retrieve (default: compactqa.qa.k).")
    Integer k;

    @Mixin
    LoopOptions loop;

    @Option(names = "--min-confidence", paramLabel = "P",
            description = "Withhold an answer whose confidence is below P (0 to 1): it is then 'none', the best guess shown apart.")
    Double minConfidence;

    @Option(names = "--trace", description = "Print each compression step.")
    boolean trace;

    @Option(names = "--json", description = "Print the whole answer as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String question = String.join(" ", words).strip();
        if (question.isEmpty()) {
            throw new IllegalArgumentException("the question is empty");
        }
        check(QaRequest.K.violation("-k", k));
        check(QaRequest.SEGMENT_SIZE.violation("--segment-size", loop.segmentSize));
        check(QaRequest.MAX_STEPS.violation("--max-steps", loop.maxSteps));
        check(QaRequest.BUDGET_TOKENS.violation("--budget", loop.budget));
        check(QaRequest.confidenceViolation("--min-confidence", minConfidence));
        QaAnswer a = pipeline.answer(new QaRequest(question, k, loop.segmentSize, loop.maxSteps, loop.budget, null, minConfidence));
        PrintWriter out = context.out();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(a));
            return 0;
        }
        out.printf("%s%n  %s (%s, confidence %.2f)%n", a.question(), a.answer(), a.type().label(), a.confidence());
        if (a.trace().bestGuess() != null) {
            out.printf("  withheld below confidence %.2f; best guess: %s (%s)%n", a.trace().bestGuess().threshold(),
                    a.trace().bestGuess().answer(), a.trace().bestGuess().type().label());
        }
        out.println();
        out.printf("Evidence (%d tokens from %d documents, %.0fx smaller):%n", a.trace().evidenceTokens(), a.trace().retrieved(),
                a.trace().compressionRate());
        for (EvidenceSentence e : a.evidence()) {
            out.printf("  [%s] %s  (%.2f)%n", e.title(), e.text(), e.score());
        }
        if (trace) {
            out.println();
            for (StepTrace s : a.trace().steps()) {
                out.printf("step %d: read %s; %d tokens in, %d out; sufficiency %.2f; kept %d, over budget %d, under the threshold %d; "
                        + "%.0f ms%n", s.step(), s.documents(), s.tokensIn(), s.tokensOut(), s.sufficiency(), s.kept().size(),
                        s.dropped().size(), s.belowThreshold(), s.millis());
            }
            if (a.trace().fallback() != null) {
                out.println("no sentence reached the threshold: the best one seen was read");
            }
        }
        out.printf("%n%d steps%s; %.0f ms (retrieval %.0f, compression %.0f, reading %.0f)%n", a.trace().steps().size(),
                a.trace().stoppedEarly() ? ", stopped early" : "", a.trace().totalMs(), a.trace().retrievalMs(),
                a.trace().compressionMs(), a.trace().readerMs());
        return 0;
    }

    private static void check(java.util.Optional<String> violation) {
        violation.ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
    }
}
