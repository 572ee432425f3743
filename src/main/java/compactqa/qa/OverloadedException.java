package compactqa.qa;

/** The service cannot take the question now: every worker is busy and the queue is full, or the deadline passed. */
public class OverloadedException extends RuntimeException {

    public OverloadedException(String message) {
        super(message);
    }
}
