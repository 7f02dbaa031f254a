package dev.optim.examples.cli;

import dev.optim.core.descent.DescentResult;
import dev.optim.examples.experiment.Descents;
import dev.optim.examples.text.Numbers;
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
    /**
     * A descent diverged (by any command that runs one: {@code run}, {@code regress},
     * {@code race} when any racer did); what was computed up to that step was still written.
     */
    public static final int DIVERGED = 3;

    private ExitCodes() {}

    /**
     * Says on the command's standard error that the run diverged (or fell without bound), at
     * which step and with which loss (the trajectory's last row), and where it last was finite:
     * the point and loss that {@code race} reports as a diverged runner's final ones. Gives the
     * status for it.
     *
     * @param spec the running command
     * @param result the diverged run
     * @return {@link #DIVERGED}
     */
    static int reportDivergence(CommandSpec spec, DescentResult result) {
        var t = result.trajectory();
        String text;
        if (Descents.unboundedBelow(result)) {
            text = String.format(Locale.ROOT,
                    "%s: loss unbounded below: %s at step %d, below -10^6 x max(|start loss|, 1);"
                            + " the trajectory stops there, at %s",
                    spec.qualifiedName(), Numbers.brief(result.loss()), result.steps(),
                    Numbers.point(result.parameters()));
        } else {
            text = String.format(Locale.ROOT,
                    "%s: diverged at step %d (loss %s); the trajectory stops there; last finite"
                            + " point %s with loss %s at step %d",
                    spec.qualifiedName(), result.divergedAtStep(),
                    Numbers.brief(t.loss(t.size() - 1)), Numbers.point(result.parameters()),
                    Numbers.brief(result.loss()), result.steps());
        }
        spec.commandLine().getErr().println(text);
        spec.commandLine().getErr().flush();
        return DIVERGED;
    }
}
