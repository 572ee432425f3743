package compactqa.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

/** {@code qa loadtest --hostile N}: the attack beside the ordinary clients ({@link compactqa.eval.HostileLoad}). */
public class HostileOptions {

    @Option(names = "--hostile", defaultValue = "0", paramLabel = "N",
            description = "Also run N hostile clients sending the costliest accepted requests, then a deadline probe and an idle spell "
                    + "(0, the default: an ordinary load test).")
    int clients;

    @Option(names = "--hostile-chars", defaultValue = "190000", paramLabel = "N",
            description = "Characters of documents per hostile request (default ${DEFAULT-VALUE}: just under the default "
                    + "compactqa.api.max-request-tokens).")
    int chars;

    @Option(names = "--idle", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "How long to wait without requests before reading the memory again (default ${DEFAULT-VALUE}).")
    Duration idle;
}
