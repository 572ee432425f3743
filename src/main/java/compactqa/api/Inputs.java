package compactqa.api;

import compactqa.qa.QaRequest;

/** Checks of request fields that fail with a 400 naming the field. */
final class Inputs {

    private Inputs() {
    }

    /** A required text of at most {@code max} characters, without control characters; stripped. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required and must not be blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidInputException(field, field + " is too long: " + length + " characters, at most " + max);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw new InvalidInputException(field, field + " contains control characters");
        }
        return value.strip();
    }

    /** An optional number within {@code [min, max]}. */
    static void range(String field, Integer value, int min, int max) {
        range(field, value, new QaRequest.Range(min, max));
    }

    static void range(String field, Integer value, QaRequest.Range range) {
        range.violation(field, value).ifPresent(message -> {
            throw new InvalidInputException(field, message);
        });
    }
}
