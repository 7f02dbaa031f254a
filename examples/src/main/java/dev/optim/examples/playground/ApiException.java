package dev.optim.examples.playground;

/**
 * A request the API refuses: an HTTP status, the request field at fault (or {@code null} when
 * the request as a whole is refused), and a one-line message. The server answers it as
 * {@code {"error": message, "field": field}} with that status; nothing else of the failure
 * (no stack trace, no class name) reaches the client.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    /**
     * A refusal.
     *
     * @param status the HTTP status, 400 to 599
     * @param field the field at fault, e.g. {@code optimizers[1].lr}, or {@code null}
     * @param message the one-line message
     */
    public ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    /**
     * A 400 Bad Request for one field.
     *
     * @param field the field at fault
     * @param message the message
     * @return the exception
     */
    public static ApiException bad(String field, String message) {
        return new ApiException(400, field, message);
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The request field at fault.
     *
     * @return the field's path, or {@code null}
     */
    public String field() {
        return field;
    }
}
