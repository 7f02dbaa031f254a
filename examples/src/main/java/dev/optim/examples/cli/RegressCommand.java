package dev.optim.examples.cli;

import dev.optim.core.Optimizer;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.examples.experiment.LineFit;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim regress}: fits a line {@code ŷ = slope·x + intercept} with the L2 loss (mean
 * squared error), as the article's first figure. Each update follows the gradient of the next
 * mini-batch ({@code --batch-size}, in order unless {@code --shuffle}); the table's loss is the
 * mean squared error over the whole data set at that row's parameters. Header
 * {@code step,loss,lr,slope,intercept}.
 */
@Command(name = "regress", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fits a line with the L2 loss and prints the trajectory"
                + " (step,loss,lr,slope,intercept).")
public final class RegressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegressionDataOptions data = new RegressionDataOptions();

    @Option(names = "--init", paramLabel = "SLOPE,INTERCEPT", converter = PointConverter.class,
            description = "The initial line (default: each drawn from U(-1, 1) with --seed, as"
                    + " the article).")
    Coordinates init;

    @Mixin
    OptimizerOptions optimizer = new OptimizerOptions();

    @Option(names = "--batch-size", paramLabel = "B",
            description = "Examples per update, >= 1 (default: the whole set).")
    Integer batchSize;

    @Option(names = "--shuffle",
            description = "Reshuffle the examples every epoch (default: in order, as the article).")
    boolean shuffle;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Passes over the data (E·ceil(N/B) updates, at most 10^9); not with"
                    + " --steps.")
    Long epochs;

    @Option(names = "--steps", paramLabel = "N",
            description = "The number of updates, in [0, 10^9] (default: 1000); not with"
                    + " --epochs.")
    Long steps;

    @Mixin
    RecordOptions record = new RecordOptions();

    @Option(names = "--dtype", defaultValue = "float64", paramLabel = "TYPE",
            converter = Dtype.Converter.class,
            description = "float64|float32 (default: ${DEFAULT-VALUE}).")
    Dtype dtype = Dtype.FLOAT64;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Override
    public Integer call() throws IOException {
        RegressionData d = data.load();
        int n = d.size();
        int b = batchSize == null ? n : batchSize;
        if (b < 1) {
            throw new BadInputException("--batch-size must be >= 1, got " + b);
        }
        if (b > n) {
            throw new BadInputException("--batch-size " + b + " exceeds the " + n + " points");
        }
        if (epochs != null && steps != null) {
            throw new BadInputException("--epochs and --steps exclude each other; give one");
        }
        int every = record.every();
        long updates;
        if (epochs != null) {
            if (epochs < 0) {
                throw new BadInputException("--epochs must be >= 0, got " + epochs);
            }
            long batches = (n + b - 1) / b;
            String given = "--epochs " + epochs + " x " + batches + " batches of --batch-size "
                    + b;
            try {
                updates = Math.multiplyExact(epochs, batches);
            } catch (ArithmeticException e) {
                throw new BadInputException(given + " overflows a long; at most "
                        + Limits.MAX_STEPS + " updates");
            }
            if (updates > Limits.MAX_STEPS) {
                throw new BadInputException(given + " = " + updates + " updates, more than "
                        + Limits.MAX_STEPS);
            }
            Limits.steps("--epochs " + epochs + " (" + updates + " updates)", updates, every);
        } else {
            updates = steps == null ? 1000 : steps;
            Limits.steps("--steps", updates, every);
        }
        double[] theta0 = init != null ? init.values() : LineFit.articleInit(data.seed());
        if (theta0.length != 2) {
            throw new BadInputException("--init takes SLOPE,INTERCEPT (2 numbers), got "
                    + theta0.length);
        }
        Optimizer o = optimizer.build(updates);
        DescentResult r = LineFit.run(d, o, theta0, updates, b, shuffle, data.seed(),
                dtype.dataType(), every);
        TrajectoryTable table = new TrajectoryTable(r.trajectory(), List.of("slope", "intercept"));
        String text;
        if (output.format() == OutputFormat.JSON) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("points", n);
            meta.put("batchSize", b);
            meta.put("shuffle", shuffle);
            meta.put("optimizer", o.toString());
            meta.put("dtype", dtype.label());
            meta.put("reason", r.reason().name());
            meta.put("steps", r.steps());
            meta.put("divergedAtStep", r.divergedAtStep() >= 0 ? r.divergedAtStep() : null);
            Line ls = d.leastSquares();
            meta.put("leastSquares", List.of(ls.slope(), ls.intercept()));
            meta.put("leastSquaresLoss", d.loss(ls));
            d.truth().ifPresent(t -> {
                meta.put("truth", List.of(t.slope(), t.intercept()));
                meta.put("truthLoss", d.loss(t));
            });
            text = table.json(meta);
        } else {
            text = table.csv();
        }
        output.emit(spec, text);
        if (r.reason() == StopReason.DIVERGED) {
            return ExitCodes.reportDivergence(spec, r);
        }
        if (output.file() != null) {
            Line ls = d.leastSquares();
            double[] p = r.parameters();
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "%s: wrote %d rows to %s; fit slope %s intercept %s loss %s;"
                            + " least squares slope %s intercept %s loss %s", spec.qualifiedName(),
                    r.trajectory().size(), output.file(), Numbers.brief(p[0]),
                    Numbers.brief(p[1]), Numbers.brief(r.loss()), Numbers.brief(ls.slope()),
                    Numbers.brief(ls.intercept()), Numbers.brief(d.loss(ls))));
            spec.commandLine().getErr().flush();
        }
        return ExitCodes.OK;
    }
}
