package compactqa.api;

/** A named resource (a document id, say) that does not exist: answered with 404 and this message. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
