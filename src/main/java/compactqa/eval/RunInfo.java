package compactqa.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * Where a benchmark figure came from: the command that produced it, the code's commit, and the
 * machine. Recorded in every result file so that each number can be reproduced.
 *
 * @param command the command line, as a user would type it
 * @param commit  the git commit of the code, with {@code -dirty} if tracked files other than
 *                {@code eval/} and {@code README.md} had uncommitted changes
 * @param date    when the run finished (UTC, seconds)
 * @param java    the JVM version
 * @param cpus    processors available to the JVM
 */
public record RunInfo(String command, String commit, String date, String java, int cpus) {

    /** The provenance of a run of {@code command} on the code in {@code home}. */
    public static RunInfo capture(String command, Path home) {
        return new RunInfo(command, commit(home), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.version().toString(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * The text of {@code path} (relative to the repository's top) as commit {@code commit} held it
     * (a recorded commit's {@code -dirty} is dropped: the figures came from that commit's files or
     * from changes to them), or empty where git cannot tell.
     */
    public static String fileAt(Path home, String commit, String path) {
        String clean = commit.endsWith("-dirty") ? commit.substring(0, commit.length() - "-dirty".length()) : commit;
        return clean.isEmpty() || clean.equals("unknown") ? "" : git(home, "show", clean + ":" + path);
    }

    private static String commit(Path home) {
        String head = git(home, "rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        // eval/ and the README's results table are what a run writes, not the code that produced it
        return git(home, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!eval", ":!README.md").isEmpty()
                ? head : head + "-dirty";
    }

    private static String git(Path home, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = home.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
