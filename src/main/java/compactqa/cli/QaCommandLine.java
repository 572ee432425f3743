package compactqa.cli;

import java.io.PrintWriter;

import org.jboss.logging.Logger;

import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Runs the picocli command tree inside the started application, with commands as CDI beans. */
public class QaCommandLine implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(QaCommandLine.class);

    @Inject
    CdiCommandFactory factory;

    @Override
    public int run(String... args) {
        return commandLine(factory).execute(args);
    }

    /** The configured command line; errors in a command print as one line and exit with status 1. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(QaCommand.class, factory);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            if (e instanceof RuntimeException && !isUserFacing(e)) {
                LOG.error("command failed", e);
                message = "internal error: " + message;
            }
            err.println("qa: " + message.lines().findFirst().orElse(message));
            err.flush();
            return 1;
        });
        return cli;
    }

    /** Errors whose message is written for the user: bad input, missing files, busy or broken index. */
    private static boolean isUserFacing(Exception e) {
        return e instanceof IllegalArgumentException
                || e instanceof compactqa.corpus.CorpusException
                || e instanceof compactqa.index.IndexStoreException
                || e instanceof compactqa.index.IndexUnavailableException
                || e instanceof compactqa.index.InvalidQueryException
                || e instanceof java.io.UncheckedIOException;
    }
}
