package compactqa.index;

/** The index directory is missing, corrupt, or busy with another writer. */
public class IndexStoreException extends RuntimeException {

    public IndexStoreException(String message) {
        super(message);
    }

    public IndexStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
