package compactqa.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Resolves paths a caller names against the folders they are allowed in: relative to the first
 * root, and, after every {@code ..} and symbolic link is resolved, inside one of the roots, or refused.
 */
final class ConfinedPaths {

    private ConfinedPaths() {
    }

    /**
     * The real path of {@code requested}, which must exist inside one of {@code roots}.
     *
     * @throws InvalidInputException naming {@code field} otherwise
     */
    static Path resolve(String field, String requested, List<Path> roots) {
        if (requested == null || requested.isBlank() || requested.length() > 1000 || requested.indexOf('\0') >= 0) {
            throw new InvalidInputException(field, field + " must be a path of 1 to 1,000 characters");
        }
        Path real;
        try {
            real = roots.get(0).resolve(requested).toRealPath();
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(field, field + " does not exist: " + requested);
        }
        for (Path root : roots) {
            try {
                if (Files.exists(root) && real.startsWith(root.toRealPath())) {
                    return real;
                }
            } catch (IOException e) {
                // a root that cannot be resolved allows nothing
            }
        }
        throw new InvalidInputException(field, field + " is outside the folders the admin API may read");
    }
}
