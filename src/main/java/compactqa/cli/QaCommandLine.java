package compactqa.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.jboss.logging.Logger;

import compactqa.corpus.CorpusException;
import compactqa.index.IndexStoreException;
import compactqa.index.IndexUnavailableException;
import compactqa.index.InvalidQueryException;
import compactqa.qa.ModelUnavailableException;
import compactqa.qa.OverloadedException;
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

    /** The configured command line: errors print as one line, exiting 1 (or 2 for usage errors). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cli = new CommandLine(QaCommand.class, factory);
        cli.setCaseInsensitiveEnumValuesAllowed(true); // --setting open, as the results name it
        cli.setParameterExceptionHandler((e, args) -> {
            // one line, like every other error, pointing at the help of the command at fault
            CommandLine commandLine = e.getCommandLine();
            commandLine.getErr().printf("qa: %s (see '%s --help')%n", e.getMessage(),
                    commandLine.getCommandSpec().qualifiedName());
            commandLine.getErr().flush();
            return commandLine.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            Throwable reported = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            String message = reported.getMessage() != null ? reported.getMessage() : reported.getClass().getSimpleName();
            if (reported instanceof NoSuchFileException) {
                message = "no such file: " + message;
            } else if (reported instanceof AccessDeniedException) {
                message = "permission denied: " + message;
            }
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
                || e instanceof CorpusException
                || e instanceof IndexStoreException
                || e instanceof IndexUnavailableException
                || e instanceof InvalidQueryException
                || e instanceof OverloadedException
                || e instanceof ModelUnavailableException
                || e instanceof UncheckedIOException;
    }
}
