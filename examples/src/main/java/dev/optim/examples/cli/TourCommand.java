package dev.optim.examples.cli;

import dev.optim.examples.experiment.RacerSpec;
import dev.optim.examples.tour.Finding;
import dev.optim.examples.tour.Tour;
import dev.optim.examples.tour.TourSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code optim tour --out DIR}: retells the article in PNG pictures and a summary table
 * ({@code summary.md}, also printed). {@code --quick} makes a reduced run (coarser grids, fewer
 * steps) for tests and a first look. {@code --racer NAME[:K=V,...]} (repeatable) races other
 * optimizers of the catalogue in point 4.
 */
@Command(name = "tour", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Retells the article \"Optimizing neural networks\" in pictures and a"
                + " summary table, written into one folder.")
public final class TourCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "out/tour", paramLabel = "DIR",
            description = "The output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--quick",
            description = "A reduced run: coarser grids, fewer steps, a smaller detection batch.")
    boolean quick;

    @Option(names = "--width", defaultValue = "900", paramLabel = "W",
            description = "Picture width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "650", paramLabel = "H",
            description = "Picture height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--seed", defaultValue = "19", paramLabel = "S",
            description = "The seed of every random draw (default: ${DEFAULT-VALUE}, whose"
                    + " ground truth lies well away from the initialisation).")
    long seed;

    @Option(names = "--racer", paramLabel = "NAME[:K=V,...]",
            description = "A runner of the optimizer race (point 4), as for 'optim race --racer'"
                    + " (repeatable; default: GD, Momentum, RMSprop and Adam at the tour's own"
                    + " rates per landscape). A racer without lr runs at its default rate.")
    List<String> racers;

    @Override
    public Integer call() throws IOException {
        if (width < 100 || width > 10000) {
            throw new BadInputException("--width must be in [100, 10000], got " + width);
        }
        if (height < 100 || height > 10000) {
            throw new BadInputException("--height must be in [100, 10000], got " + height);
        }
        List<RacerSpec> specs = new ArrayList<>();
        if (racers != null) {
            RaceCommand.racers(racers, 100, null); // refuses bad names and values before any work
            for (String r : racers) {
                specs.add(RacerSpec.parse(r));
            }
        }
        Tour tour = new Tour(new TourSettings(out, quick, width, height, seed, specs));
        List<Finding> findings = tour.run();
        spec.commandLine().getOut().print(tour.summary(findings));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(spec.qualifiedName() + ": wrote "
                + Tour.pictures(findings).size() + " pictures and " + Tour.SUMMARY + " to " + out);
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }
}
