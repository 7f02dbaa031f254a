package dev.optim.examples.cli;

import dev.optim.core.descent.DescentResult;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

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

    /**
     * Says on the command's standard error that the run diverged, at which step and with which
     * loss (the trajectory's last row), and gives the status for it.
     *
     * @param spec the running command
     * @param result the diverged run
     * @return {@link #DIVERGED}
     */
    static int reportDivergence(CommandSpec spec, DescentResult result) {
        spec.commandLine().getErr().println(String.format(Locale.ROOT,
                "%s: diverged at step %d (loss %s); the trajectory stops there",
                spec.qualifiedName(), result.divergedAtStep(),
                result.trajectory().loss(result.trajectory().size() - 1)));
        spec.commandLine().getErr().flush();
        return DIVERGED;
    }
}
