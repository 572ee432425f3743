/**
 * The {@code qa} command line: picocli commands created as CDI beans, so they call the same
 * services as the HTTP API. {@link compactqa.cli.QaMain} is the application's entry point; only
 * {@code qa serve} listens for HTTP. Errors print one line and exit non-zero.
 */
package compactqa.cli;
