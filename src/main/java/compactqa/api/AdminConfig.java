package compactqa.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The admin API ({@code compactqa.admin.*}): its key, and the folders admin calls may read from. */
@ConfigMapping(prefix = "compactqa.admin")
public interface AdminConfig {

    /**
     * The key admin calls must send in {@code X-API-Key}. Unset, the admin API is disabled. Give it
     * as an environment variable or a secret, never in a committed file; it is never logged.
     */
    Optional<String> apiKey();

    /** Folders whose corpus files an index build may read (paths elsewhere are refused). */
    @WithDefault("${compactqa.home:.}/index,${compactqa.home:.}/../shared/data")
    List<Path> corpusRoots();

    /** Folders whose models a model switch may load. */
    @WithDefault("${compactqa.home:.}/models")
    List<Path> modelRoots();
}
