package compactqa.corpus;

/** A corpus or data set file that is missing, unreadable or not in a known format. */
public class CorpusException extends RuntimeException {

    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
