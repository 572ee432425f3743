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

    /**
     * The most text a question's own documents may ask the models to score, in tokens estimated as
     * characters / 4 (WordPiece on English prose); a request over it is refused with 422 before it
     * takes a worker. The default is what two workers score within the default 10 s deadline here,
     * on one core each (about 5,000 tokens/s): 200,000 characters, such as 50 documents of 4,000.
     */
    @WithDefault("50000")
    int maxRequestTokens();

    /** Seconds a client is told to wait ({@code Retry-After}) when the service cannot serve yet. */
    @WithDefault("5")
    int retryAfterSeconds();
}
