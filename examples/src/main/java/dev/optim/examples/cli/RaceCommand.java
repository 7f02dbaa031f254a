package dev.optim.examples.cli;

import dev.optim.core.Schedule;
import dev.optim.examples.experiment.Race;
import dev.optim.examples.experiment.Racer;
import dev.optim.examples.experiment.RacerSpec;
import dev.optim.examples.experiment.Surfaces;
import dev.optim.examples.plot.Charts;
import dev.optim.examples.text.Numbers;
import dev.optim.examples.text.TextTable;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Surface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim race --landscape NAME --start X0,X1}: runs GD, Momentum, RMSprop and Adam, each
 * with its own rate (or the racers of {@code --racer NAME[:K=V,...]}, any optimizers of the
 * {@link dev.optim.examples.experiment.OptimizerCatalogue catalogue}, L-BFGS included, each with
 * its own hyperparameters; {@code --schedule} then applies to each racer's rate), from the same
 * start for the same number of steps, draws them on the
 * landscape's contour picture and prints a table of where each ended (standard output; the
 * picture's path goes to standard error). Each runner makes the descent of {@code optim run}
 * ({@link dev.optim.examples.experiment.Descents}). A runner that diverges (or falls without
 * bound) is shown as such in the table and the legend, its final loss and point being the last
 * finite ones; the table and picture are still written and, as for {@code run}, the command then
 * exits with status 3.
 */
@Command(name = "race", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Races GD, Momentum, RMSprop and Adam (or any optimizers, --racer) on a"
                + " 2-D landscape and draws them on its contour picture.")
public final class RaceCommand implements Callable<Integer> {

    /** The default rates: GD and Momentum 0.01, RMSprop 0.05, Adam 0.1. */
    static final double[] DEFAULT_RATES = {0.01, 0.01, 0.05, 0.1};

    /** The most racers of one race (the picture's legend stays readable). */
    static final int MAX_RACERS = 12;

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

    @Option(names = "--racer", paramLabel = "NAME[:K=V,...]",
            description = "A racer: any optimizer of the catalogue (see 'optim run --help'),"
                    + " with its hyperparameters by their builder names, as run takes them, e.g."
                    + " --racer adam:lr=0.1"
                    + " --racer lion:lr=0.01,beta1=0.95 --racer lbfgs (repeatable; replaces the"
                    + " default four, GD, Momentum, RMSprop and Adam).")
    List<String> racers;

    @Option(names = "--lr-sgd", paramLabel = "LR",
            description = "GD's learning rate, without --racer (default: 0.01).")
    Double lrSgd;

    @Option(names = "--lr-momentum", paramLabel = "LR",
            description = "Momentum's learning rate, without --racer (default: 0.01).")
    Double lrMomentum;

    @Option(names = "--lr-rmsprop", paramLabel = "LR",
            description = "RMSprop's learning rate, without --racer (default: 0.05).")
    Double lrRmsprop;

    @Option(names = "--lr-adam", paramLabel = "LR",
            description = "Adam's learning rate, without --racer (default: 0.1).")
    Double lrAdam;

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
        List<Race.Entry> entries = Race.runRacers(l, x0, steps,
                racers == null ? defaultFour() : fromSpecs());
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

    /** The article's four, with --lr-* and the shared hyperparameter options. */
    private List<Racer> defaultFour() {
        double[] rates = {
            HyperparameterOptions.rate("--lr-sgd", lrSgd == null ? DEFAULT_RATES[0] : lrSgd),
            HyperparameterOptions.rate("--lr-momentum",
                    lrMomentum == null ? DEFAULT_RATES[1] : lrMomentum),
            HyperparameterOptions.rate("--lr-rmsprop",
                    lrRmsprop == null ? DEFAULT_RATES[2] : lrRmsprop),
            HyperparameterOptions.rate("--lr-adam", lrAdam == null ? DEFAULT_RATES[3] : lrAdam)
        };
        List<Racer> four = new ArrayList<>();
        OptimizerKind[] kinds = OptimizerKind.values();
        for (int i = 0; i < 4; i++) {
            four.add(Racer.of(kinds[i].displayName(),
                    hyper.build(kinds[i], schedule.build(rates[i], steps))));
        }
        return four;
    }

    /** The racers of --racer, each with the schedule of --schedule applied to its rate. */
    private List<Racer> fromSpecs() {
        Object[] lrs = {lrSgd, lrMomentum, lrRmsprop, lrAdam};
        String[] lrNames = {"--lr-sgd", "--lr-momentum", "--lr-rmsprop", "--lr-adam"};
        for (int i = 0; i < lrs.length; i++) {
            if (lrs[i] != null) {
                throw new BadInputException(lrNames[i] + " " + lrs[i] + " applies to the default"
                        + " racers only; with --racer give the rate in it, e.g. --racer adam:lr="
                        + lrs[i]);
            }
        }
        String own = hyper.firstSet();
        if (own != null) {
            throw new BadInputException(own + " applies to the default racers only; with --racer"
                    + " give it in the racer, e.g. --racer adam:beta1=0.95");
        }
        schedule.build(DEFAULT_RATES[0], steps); // refuses schedule options that do not apply
        DoubleFunction<Schedule> s = schedule.kind == ScheduleKind.CONSTANT ? null
                : lr -> schedule.build(lr, steps);
        return racers(racers, steps, s);
    }

    /**
     * Parses and builds racers given as {@code NAME[:K=V,...]}.
     *
     * @param specs the texts of {@code --racer}
     * @param steps the step budget
     * @param schedule the rate's schedule, or null for constant rates
     * @return the racers, in order
     * @throws BadInputException naming the option, the racer and what is wrong with it
     */
    static List<Racer> racers(List<String> specs, long steps, DoubleFunction<Schedule> schedule) {
        if (specs.size() > MAX_RACERS) {
            throw new BadInputException("--racer is given " + specs.size() + " times; at most "
                    + MAX_RACERS);
        }
        List<Racer> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String text : specs) {
            try {
                RacerSpec r = RacerSpec.parse(text);
                if (!labels.add(r.label())) {
                    throw new IllegalArgumentException("it is given twice");
                }
                out.add(r.build(steps, schedule));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--racer " + text + ": " + e.getMessage());
            }
        }
        return out;
    }
}
