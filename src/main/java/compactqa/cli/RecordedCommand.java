package compactqa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import compactqa.eval.ResultVerifier;

/** The command a result file records, and how {@code qa eval verify} runs it again without touching the project. */
final class RecordedCommand {

    /** What a recorded command is, and how it re-runs. */
    enum Kind {
        RETRIEVAL("./qa eval retrieval ", false, null), QA("./qa eval qa ", true, null), COMPRESS("./qa compress ", true, null),
        COMPRESSED("./qa eval compressed ", true, null), ENCODER("./qa bench encoder", false, null),
        LOADTEST("./qa loadtest", false, "the load test needs a running service (./qa serve, then the recorded command)"),
        SCALE("./qa eval index-scale", false, "generating and indexing millions of paragraphs takes hours; re-run eval/index-scale.sh");

        final String prefix;
        /** Whether it re-runs on its first questions, against the prefix figures its file records. */
        final boolean limitable;
        /** Why {@code eval verify} does not re-run it, or null where it does. */
        final String notRerun;

        Kind(String prefix, boolean limitable, String notRerun) {
            this.prefix = prefix;
            this.limitable = limitable;
            this.notRerun = notRerun;
        }
    }

    private final Kind kind;
    private final List<String> args;

    private RecordedCommand(Kind kind, List<String> args) {
        this.kind = kind;
        this.args = args;
    }

    /** The command {@code command} (as a result file records it, {@code ./qa ...}). */
    static RecordedCommand of(String command) {
        for (Kind k : Kind.values()) {
            if (command.equals(k.prefix.strip()) || command.startsWith(k.prefix)) {
                return new RecordedCommand(k, List.of(command.substring("./qa ".length()).split(" +")));
            }
        }
        throw new IllegalArgumentException("cannot re-run '" + command + "'");
    }

    Kind kind() {
        return kind;
    }

    /** The model folders the command reads: those its options name, and the service's pair for a QA run. */
    List<String> models() {
        List<String> options = switch (kind) {
            case COMPRESS -> List.of("--model");
            case COMPRESSED -> List.of("--original", "--model");
            default -> List.of();
        };
        List<String> out = new ArrayList<>();
        for (String option : options) {
            int at = args.indexOf(option);
            if (at >= 0 && at + 1 < args.size()) {
                out.add(args.get(at + 1));
            }
        }
        if (kind == Kind.QA) {
            out.addAll(List.of("models/reader", "models/compressor"));
        }
        return out;
    }

    /** The same command reading each model folder that {@code folders} maps from the folder it maps to. */
    RecordedCommand withModels(Map<String, Path> folders) {
        return new RecordedCommand(kind, args.stream().map(a -> folders.containsKey(a) ? folders.get(a).toString() : a).toList());
    }

    /**
     * The same command pinned to the precisions a QA run recorded ({@code models.precision}): the
     * service's default may have changed since, and the figures came from those precisions.
     */
    RecordedCommand atPrecision(String recorded) {
        if (kind != Kind.QA || recorded == null || recorded.isBlank() || args.contains("--precision")) {
            return this;
        }
        List<String> out = new ArrayList<>(args);
        out.addAll(List.of("--precision", recorded));
        return new RecordedCommand(kind, out);
    }

    /**
     * The arguments that run it again writing into {@code work} (the result, and any model it
     * compresses), on the first {@link ResultVerifier#PREFIX_QUESTIONS} questions if {@code limited}.
     */
    String[] rerun(Path work, boolean limited) {
        List<String> out = new ArrayList<>(args);
        replace(out, "--output", work.toString());
        if (kind == Kind.COMPRESS) {
            replace(out, "--out", work.resolve("model").toString());
        }
        if (limited) {
            replace(out, "--limit", String.valueOf(ResultVerifier.PREFIX_QUESTIONS));
        }
        return out.toArray(String[]::new);
    }

    private static void replace(List<String> args, String option, String value) {
        int at = args.indexOf(option);
        if (at >= 0 && at + 1 < args.size()) {
            args.subList(at, at + 2).clear();
        }
        args.addAll(List.of(option, value));
    }
}
