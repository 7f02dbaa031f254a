package dev.optim.examples.cli;

import dev.optim.core.Optimizer;
import dev.optim.examples.experiment.Race;
import dev.optim.examples.experiment.Surfaces;
import dev.optim.examples.plot.Charts;
import dev.optim.examples.text.Numbers;
import dev.optim.examples.text.TextTable;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Surface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim race --landscape NAME --start X0,X1}: runs GD, Momentum, RMSprop and Adam, each
 * with its own rate, from the same start for the same number of steps, draws them on the
 * landscape's contour picture and prints a table of where each ended (standard output; the
 * picture's path goes to standard error). Each runner makes the descent of {@code optim run}
 * ({@link dev.optim.examples.experiment.Descents}). A runner that diverges (or falls without
 * bound) is shown as such in the table and the legend, its final loss and point being the last
 * finite ones; the table and picture are still written and, as for {@code run}, the command then
 * exits with status 3.
 */
@Command(name = "race", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Races GD, Momentum, RMSprop and Adam on a 2-D landscape and draws them on"
                + " its contour picture.")
public final class RaceCommand implements Callable<Integer> {

    /** The default rates: GD and Momentum 0.01, RMSprop 0.05, Adam 0.1. */
    static final double[] DEFAULT_RATES = {0.01, 0.01, 0.05, 0.1};

    @Spec
    CommandSpec spec;

    @Option(names = "--landscape", required = true, paramLabel = "NAME",
            description = "The landscape (see 'optim landscapes'); drawn in 2 dimensions.")
    String landscape;

    @Option(names = "--start", defaultValue = "0,0", paramLabel = "X0,X1",
            converter = PointConverter.class,
            description = "The common start point (default: ${DEFAULT-VALUE}).")
    Coordinates start;

    @Option(names = "--steps", defaultValue = "200", paramLabel = "N",
            description = "Updates per optimizer, in [0, 10^6] (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--lr-sgd", defaultValue = "0.01", paramLabel = "LR",
            description = "GD's learning rate (default: ${DEFAULT-VALUE}).")
    double lrSgd;

    @Option(names = "--lr-momentum", defaultValue = "0.01", paramLabel = "LR",
            description = "Momentum's learning rate (default: ${DEFAULT-VALUE}).")
    double lrMomentum;

    @Option(names = "--lr-rmsprop", defaultValue = "0.05", paramLabel = "LR",
            description = "RMSprop's learning rate (default: ${DEFAULT-VALUE}).")
    double lrRmsprop;

    @Option(names = "--lr-adam", defaultValue = "0.1", paramLabel = "LR",
            description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double lrAdam;

    @Mixin
    HyperparameterOptions hyper = new HyperparameterOptions();

    @Mixin
    ScheduleOptions schedule = new ScheduleOptions();

    @Mixin
    PictureOptions picture = new PictureOptions();

    @Option(names = "--png", paramLabel = "FILE",
            description = "Write the picture to FILE (default: race-NAME.png in the current"
                    + " folder).")
    Path png;

    @Override
    public Integer call() throws IOException {
        picture.check();
        if (steps < 0 || steps > Limits.MAX_RACE_STEPS) {
            throw new BadInputException("--steps must be in [0, " + Limits.MAX_RACE_STEPS
                    + "], got " + steps);
        }
        double[] x0 = start.values();
        if (x0.length != 2) {
            throw new BadInputException("--start has " + x0.length + " coordinate"
                    + (x0.length == 1 ? "" : "s") + " but the race is drawn in 2");
        }
        Landscape l = LandscapeResolver.forPoint(landscape, "--start", x0);
        Optimizer[] o = new Optimizer[4];
        double[] rates = {
            HyperparameterOptions.rate("--lr-sgd", lrSgd),
            HyperparameterOptions.rate("--lr-momentum", lrMomentum),
            HyperparameterOptions.rate("--lr-rmsprop", lrRmsprop),
            HyperparameterOptions.rate("--lr-adam", lrAdam)
        };
        OptimizerKind[] kinds = OptimizerKind.values();
        for (int i = 0; i < 4; i++) {
            o[i] = hyper.build(kinds[i], schedule.build(rates[i], steps));
        }
        List<Race.Entry> entries = Race.run(l, x0, steps, Race.four(o[0], o[1], o[2], o[3]));
        Surface surface = Surfaces.ofLandscape(l, picture.resolution());
        String subtitle = String.format(Locale.ROOT, "%d steps from %s; schedule %s",
                steps, Numbers.point(x0), schedule.describe());
        Path png = this.png != null ? this.png : Path.of("race-" + l.name() + ".png");
        Charts.writePng(Race.chart(l, surface, x0, entries, "Optimizer race on " + l.name(),
                subtitle), png, picture.width(), picture.height());
        spec.commandLine().getOut().print(TextTable.render(Race.table(l, entries)));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(spec.qualifiedName() + ": picture: " + png);
        StringBuilder diverged = new StringBuilder();
        for (Race.Entry e : entries) {
            if (e.diverged()) {
                diverged.append(diverged.length() == 0 ? "" : ", ").append(e.name()).append(' ')
                        .append(e.outcome());
            }
        }
        if (diverged.length() > 0) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + diverged);
        }
        spec.commandLine().getErr().flush();
        return diverged.length() > 0 ? ExitCodes.DIVERGED : ExitCodes.OK;
    }
}
