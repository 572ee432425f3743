package compactqa.qa;

/** The trained models cannot be loaded: a file is missing or corrupt (the message names it). */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
