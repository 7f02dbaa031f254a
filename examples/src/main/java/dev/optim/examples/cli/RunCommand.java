package dev.optim.examples.cli;

import dev.optim.core.Optimizer;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.examples.experiment.Descents;
import dev.optim.examples.experiment.Racer;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.Landscape;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim run}: runs one optimizer on a landscape for {@code --steps N} updates and prints
 * the trajectory: header {@code step,loss,lr,x0,x1,...} and {@code N+1} rows, row {@code k}
 * holding step {@code k}, the loss after {@code k} updates, the rate the next update uses (the
 * schedule's value at {@code k}) and the parameters. A run that diverges (non-finite loss or
 * gradient, a loss above 10⁶ times its start, or below −10⁶ times it: unbounded below) stops at
 * the step where it did, the table ending with that row; the command says so on standard error,
 * with the last finite point, and exits with status 3. {@code --optimizer lbfgs} runs L-BFGS
 * (strong-Wolfe search) for at most N iterations, one row per iteration; it stops earlier when
 * its own tolerances hold ({@code --hp toleranceGrad=…}), so the table may have fewer rows; its
 * {@code lr} column is the initial step length. {@code --every K} prints every K-th row
 * (at most 10⁶ rows are kept: {@link Limits}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs one optimizer on a landscape and prints the trajectory"
                + " (step,loss,lr,x0,x1,...; N+1 rows).")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--landscape", required = true, paramLabel = "NAME",
            description = "The landscape (see 'optim landscapes').")
    String landscape;

    @Option(names = "--start", paramLabel = "X0,X1[,...]", converter = PointConverter.class,
            description = "The start point (default: the origin, in 2 dimensions for landscapes"
                    + " defined in any).")
    Coordinates start;

    @Option(names = "--steps", defaultValue = "100", paramLabel = "N",
            description = "The number of updates, in [0, 10^9] (default: ${DEFAULT-VALUE}).")
    long steps;

    @Mixin
    RecordOptions record = new RecordOptions();

    @Mixin
    OptimizerOptions optimizer = new OptimizerOptions();

    @Option(names = "--dtype", defaultValue = "float64", paramLabel = "TYPE",
            converter = Dtype.Converter.class,
            description = "float64|float32: the parameters' and the optimizer state's type"
                    + " (default: ${DEFAULT-VALUE}).")
    Dtype dtype = Dtype.FLOAT64;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws IOException {
        int every = record.every();
        Limits.steps("--steps", steps, every);
        Landscape l = start == null ? LandscapeResolver.byName(landscape)
                : LandscapeResolver.forPoint(landscape, "--start", start.values());
        double[] x0 = start == null ? new double[(int) l.dimension()] : start.values();
        Racer o = optimizer.racer(steps);
        DescentResult r = o.optimizer() != null
                ? descent(o.optimizer(), steps, every, l, x0).run(l, x0, dtype)
                : lineSearch(o, steps, every, l, x0);
        TrajectoryTable table = new TrajectoryTable(r.trajectory(),
                TrajectoryTable.indexedNames(x0.length));
        String text;
        if (output.format() == OutputFormat.JSON) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("landscape", l.name());
            meta.put("optimizer", o.describe());
            meta.put("dtype", dtype.label());
            meta.put("reason", Descents.unboundedBelow(r) ? "UNBOUNDED_BELOW" : r.reason().name());
            meta.put("steps", r.steps());
            meta.put("divergedAtStep", r.divergedAtStep() >= 0 ? r.divergedAtStep() : null);
            text = table.json(meta);
        } else {
            text = table.csv();
        }
        output.emit(spec, text);
        if (Descents.diverged(r)) {
            return ExitCodes.reportDivergence(spec, r);
        }
        if (output.file() != null) {
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "%s: wrote %d rows to %s; final loss %s at %s", spec.qualifiedName(),
                    r.trajectory().size(), output.file(), Numbers.brief(r.loss()),
                    Numbers.point(r.parameters())));
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }

    /**
     * The descent that {@code run} makes, the same as {@code race}'s ({@link Descents#on}).
     *
     * @param optimizer the optimizer
     * @param steps the number of updates
     * @param every the recording interval
     * @param l the landscape
     * @param x0 the start
     * @return a runner for that descent
     */
    static Runner descent(Optimizer optimizer, long steps, int every, Landscape l, double[] x0) {
        return new Runner(Descents.on(optimizer, steps, every, l, x0));
    }

    /** L-BFGS's descent ({@link Descents#lineSearch}) in the chosen data type. */
    private DescentResult lineSearch(Racer o, long steps, int every, Landscape l, double[] x0) {
        var d = Descents.lineSearch(o.lineSearch(), steps, every, l, x0);
        return dtype == Dtype.FLOAT64 ? d.run(l, x0)
                : d.run(l, Nd4j.createFromArray(x0).castTo(dtype.dataType()));
    }

    /** Runs a descent in the chosen data type. */
    record Runner(Descent descent) {
        DescentResult run(Landscape l, double[] x0, Dtype dtype) {
            if (dtype == Dtype.FLOAT64) {
                return descent.run(l, x0);
            }
            return descent.run(l, Nd4j.createFromArray(x0).castTo(dtype.dataType()));
        }
    }
}
