package compactqa.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what callers may ask of the HTTP API ({@code compactqa.api.*}). */
@ConfigMapping(prefix = "compactqa.api")
public interface ApiConfig {

    /** Longest accepted query, in characters. */
    @WithDefault("1000")
    int maxQueryChars();

    /** Results returned when the caller gives no {@code k}. */
    @WithDefault("10")
    int defaultK();

    /** Most results a caller may ask for. */
    @WithDefault("100")
    int maxK();

    /** Seconds a client is told to wait ({@code Retry-After}) when the service cannot serve yet. */
    @WithDefault("5")
    int retryAfterSeconds();
}
