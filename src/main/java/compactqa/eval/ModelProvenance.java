package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether the models a result was made with are still those in the tree: a model folder that is
 * gone cannot re-run, and one that now holds other weights (a promoted model) would re-run to other
 * figures that say nothing of the recorded ones.
 */
public final class ModelProvenance {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why a result cannot re-run to its figures: a status word (MISSING, REPLACED) and the reason. */
    public record Unavailable(String status, String reason) {
    }

    private ModelProvenance() {
    }

    /**
     * The first of {@code models} that is not in the tree (MISSING) or no longer holds the weights it
     * held at {@code commit} (REPLACED: the hash in its {@code model.json} differs), or null where
     * every one is as it was or git cannot tell.
     *
     * @param resolve resolves a path given on the command line
     * @param fileAt  the text at a commit of a path (relative to the project), empty where unknown
     */
    public static Unavailable check(List<String> models, UnaryOperator<Path> resolve, String commit, BinaryOperator<String> fileAt)
            throws IOException {
        for (String model : models) {
            Path manifest = resolve.apply(Path.of(model)).resolve("model.json");
            if (!Files.isRegularFile(manifest)) {
                return new Unavailable("MISSING", model + " is not in the tree; rebuild it with the recipe its result names, then verify again");
            }
            String then = sha(fileAt.apply(commit, Path.of(model).normalize().resolve("model.json").toString().replace('\\', '/')));
            String now = sha(Files.readString(manifest));
            if (!then.isEmpty() && !then.equals(now)) {
                String at = commit.replace("-dirty", "");
                return new Unavailable("REPLACED", model + " holds another model than at " + commit + " (weights " + then.substring(0, Math.min(12, then.length()))
                        + ", now " + now.substring(0, Math.min(12, now.length())) + "); the figures stand for that one (git checkout "
                        + at + " -- " + model + " brings it back)");
            }
        }
        return null;
    }

    /**
     * The model folders as they were at {@code commit}, extracted from git under {@code into}
     * (keyed by the path given), or empty where git does not hold every one of them there (a
     * model that was never committed, or a clone without that history).
     */
    public static Map<String, Path> restore(List<String> models, Path home, String commit, Path into)
            throws IOException, InterruptedException {
        String clean = commit.replace("-dirty", "");
        if (clean.isEmpty() || clean.equals("unknown")) {
            return Map.of();
        }
        Map<String, Path> restored = new LinkedHashMap<>();
        Files.createDirectories(into);
        Path archive = Files.createTempFile("compactqa-models-", ".tar");
        try {
            for (String model : models) {
                String path = Path.of(model).normalize().toString().replace('\\', '/');
                if (run(home, "git", "archive", "--format=tar", "-o", archive.toString(), clean, "--", path) != 0
                        || run(into, "tar", "-xf", archive.toString()) != 0
                        || !Files.isRegularFile(into.resolve(path).resolve("model.json"))) {
                    return Map.of();
                }
                restored.put(model, into.resolve(path));
            }
            return restored;
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    /**
     * How a re-run reads the models a result was made with at {@code commit}: from the tree where
     * it still holds them (nothing restored), else from git ({@link #restore}) where it may and can.
     *
     * @param restorable whether the re-run can be pointed at other folders than the recorded ones
     */
    public static Resolution resolve(List<String> models, boolean restorable, Path home, String commit,
                                     UnaryOperator<Path> resolve, Path into) throws IOException, InterruptedException {
        Unavailable unavailable = check(models, resolve, commit, (at, path) -> RunInfo.fileAt(home, at, path));
        if (unavailable == null) {
            return new Resolution(Map.of(), "", null);
        }
        Map<String, Path> restored = restorable ? restore(models, home, commit, into) : Map.of();
        return restored.isEmpty() ? new Resolution(Map.of(), "", unavailable)
                : new Resolution(restored, ", " + String.join(" and ", restored.keySet()) + " as at " + commit.replace("-dirty", "")
                        + " from git", null);
    }

    /** Model folders restored from git (by the recorded path), what a verdict says of them, or why none could be. */
    public record Resolution(Map<String, Path> restored, String note, Unavailable unavailable) {
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    /** The weights' hash a {@code model.json} text names, or empty. */
    private static String sha(String manifest) throws IOException {
        return manifest.isEmpty() ? "" : JSON.readTree(manifest).path("sha256").asText("");
    }
}
