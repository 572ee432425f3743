package compactqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error body in the shape of RFC 9457 "problem details" ({@code application/problem+json}).
 * It never carries class names or stack traces.
 *
 * @param type   a URI naming the kind of problem ({@code about:blank} for plain HTTP statuses)
 * @param title  the HTTP status phrase
 * @param status the HTTP status code
 * @param detail what went wrong, in one sentence a caller can act on
 * @param field  the request field at fault, for input errors
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
