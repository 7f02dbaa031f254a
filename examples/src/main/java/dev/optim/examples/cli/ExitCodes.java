package dev.optim.examples.cli;

/** The exit statuses of the {@code optim} command line. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something failed that is not the input's fault (a file could not be written, a bug). */
    public static final int FAILURE = 1;
    /** Bad input: an unknown name, a malformed number, a missing file, a wrong option. */
    public static final int BAD_INPUT = 2;
    /** A descent diverged; what was computed up to that step was still written. */
    public static final int DIVERGED = 3;

    private ExitCodes() {}
}
