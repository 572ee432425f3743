/**
 * The HTTP API: thin JAX-RS resources that validate a request, call a service and map errors.
 *
 * <p>Every error leaves as an RFC 9457 problem body ({@link compactqa.api.Problem}) naming the
 * field at fault where there is one, through {@link compactqa.api.ProblemMapper}; none carries a
 * class name or stack trace. Limits are in {@link compactqa.api.ApiConfig}.
 */
package compactqa.api;
