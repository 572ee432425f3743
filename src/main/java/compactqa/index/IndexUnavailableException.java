package compactqa.index;

/** No index can serve right now: none has been built yet, or the first one is being built. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message) {
        super(message);
    }
}
