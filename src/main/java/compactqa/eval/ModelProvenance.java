package compactqa.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                return new Unavailable("REPLACED", model + " holds another model than at " + commit + " (weights " + then.substring(0, 12)
                        + ", now " + now.substring(0, Math.min(12, now.length())) + "); the figures stand for that one (git checkout "
                        + at + " -- " + model + " brings it back)");
            }
        }
        return null;
    }

    /** The weights' hash a {@code model.json} text names, or empty. */
    private static String sha(String manifest) throws IOException {
        return manifest.isEmpty() ? "" : JSON.readTree(manifest).path("sha256").asText("");
    }
}
