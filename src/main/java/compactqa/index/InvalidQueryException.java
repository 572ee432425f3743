package compactqa.index;

/** A query that cannot be searched, for example one made only of stop words or punctuation. */
public class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
