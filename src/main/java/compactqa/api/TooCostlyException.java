package compactqa.api;

/** A well-formed request that would cost the models more than one question may: answered with 422 naming the field. */
public class TooCostlyException extends InvalidInputException {

    public TooCostlyException(String field, String message) {
        super(field, message);
    }
}
