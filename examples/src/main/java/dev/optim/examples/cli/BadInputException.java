package dev.optim.examples.cli;

/**
 * Bad input found while a command runs (an unknown landscape, a missing or malformed data file,
 * options that do not go together). The message is one line that names the option and the
 * value; the command line prints it and exits with {@link ExitCodes#BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line naming the option and the value
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message one line naming the option and the value
     * @param cause what went wrong underneath
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
