package dev.optim.examples.cli;

import dev.optim.examples.experiment.Race;
import dev.optim.examples.experiment.Racer;
import dev.optim.examples.experiment.Surfaces;
import dev.optim.examples.plot.Charts;
import dev.optim.examples.plot.ContourChart;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Surface;
import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import java.awt.Color;
import java.io.IOException;
import java.io.StringWriter;
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
 * {@code optim surface --landscape NAME} or {@code optim surface --regression ...}: the loss on a
 * grid, as CSV (header {@code x,y,loss}, x varying fastest) and as a contour picture with
 * log-spaced levels. For a landscape the grid covers its plotting domain and the picture marks
 * its known minima; for the regression it covers slope × intercept in [−5, 5]² (the article's
 * axes) and marks the ground truth (blue) and the least-squares fit.
 *
 * <p>Where things go: the CSV to {@code --out FILE}, else to standard output unless
 * {@code --png} is given (then only the picture is written); the picture to {@code --png FILE},
 * else beside {@code --out} ({@code FILE} with the extension {@code .png}), else nowhere. The
 * picture's path is said on standard error.
 *
 * <p>With {@code --landscape}, {@code --racer NAME[:K=V,...]} (repeatable, as {@code optim race}
 * takes it) draws each optimizer's path from {@code --start} (default 0,0) for {@code --steps}
 * updates (default 200) on the picture; a racer that diverges is said on standard error and the
 * command exits with status 3, as {@code race}.
 */
@Command(name = "surface", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluates a loss on a grid: CSV (x,y,loss) and a contour picture.")
public final class SurfaceCommand implements Callable<Integer> {

    /** The largest |LO| or |HI| of a range. */
    static final double MAX_COORDINATE = 1e300;

    @Spec
    CommandSpec spec;

    @Option(names = "--landscape", paramLabel = "NAME",
            description = "A landscape (see 'optim landscapes'), drawn in 2 dimensions.")
    String landscape;

    @Option(names = "--regression",
            description = "The line fit's loss over slope and intercept instead (data options as"
                    + " for regress).")
    boolean regression;

    @Mixin
    RegressionDataOptions data = new RegressionDataOptions();

    @Option(names = "--x-range", paramLabel = "LO,HI", converter = PointConverter.class,
            description = "The x (or slope) range (default: the landscape's domain, or -5,5).")
    Coordinates xRange;

    @Option(names = "--y-range", paramLabel = "LO,HI", converter = PointConverter.class,
            description = "The y (or intercept) range (default: the landscape's domain, or -5,5).")
    Coordinates yRange;

    @Option(names = "--levels", defaultValue = "12", paramLabel = "K",
            description = "Log-spaced contour levels, >= 1 (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV to FILE instead of standard output (and the picture"
                    + " beside it as FILE.png unless --png says where).")
    Path out;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Write the picture to FILE; without --out the CSV is then not"
                    + " printed.")
    Path png;

    @Option(names = "--racer", paramLabel = "NAME[:K=V,...]",
            description = "With --landscape: draw the path of this optimizer on the picture, as"
                    + " 'optim race --racer' runs it (repeatable).")
    List<String> racers;

    @Option(names = "--start", paramLabel = "X0,X1", converter = PointConverter.class,
            description = "The racers' start point (default: 0,0).")
    Coordinates start;

    @Option(names = "--steps", paramLabel = "N",
            description = "The racers' updates, in [0, 10^6] (default: 200).")
    Long steps;

    @Mixin
    PictureOptions picture = new PictureOptions();

    @Override
    public Integer call() throws IOException {
        picture.check();
        if (levels < 1 || levels > 100) {
            throw new BadInputException("--levels must be in [1, 100], got " + levels);
        }
        if (regression == (landscape != null)) {
            throw new BadInputException("give exactly one of --landscape NAME and --regression");
        }
        if (!regression && (data.data != null || data.points != null || data.truth != null
                || data.noise != null)) {
            throw new BadInputException("--data, --points, --truth and --noise apply to"
                    + " --regression only");
        }
        if (racers == null && (start != null || steps != null)) {
            throw new BadInputException((start != null ? "--start" : "--steps")
                    + " applies with --racer only");
        }
        if (racers != null && regression) {
            throw new BadInputException("--racer applies to --landscape only, not --regression");
        }
        long n0 = steps == null ? 200 : steps;
        if (n0 < 0 || n0 > Limits.MAX_RACE_STEPS) {
            throw new BadInputException("--steps must be in [0, " + Limits.MAX_RACE_STEPS
                    + "], got " + n0);
        }
        List<Racer> paths = racers == null ? List.of() : RaceCommand.racers(racers, n0, null);
        int n = picture.resolution();
        List<Race.Entry> entries = List.of();
        ContourChart.Builder chart;
        Surface surface;
        String name;
        if (regression) {
            RegressionData d = data.load();
            Grid grid = grid(-RegressionData.SURFACE_BOUND, RegressionData.SURFACE_BOUND,
                    -RegressionData.SURFACE_BOUND, RegressionData.SURFACE_BOUND, n);
            surface = d.lossSurface(grid);
            name = "regression";
            chart = ContourChart.builder("Regression loss surface (" + d.size() + " points)",
                    "slope", "intercept", Surfaces.toGrid(surface)).valueLabel("MSE");
            Line ls = d.leastSquares();
            d.truth().ifPresent(t -> chart.point("ground truth " + Numbers.point(t.toArray()),
                    t.slope(), t.intercept(), Charts.TRUTH));
            chart.point("least squares " + Numbers.point(ls.toArray()), ls.slope(),
                    ls.intercept(), Color.BLACK);
        } else {
            Landscape l = LandscapeResolver.forPoint(landscape, "--landscape", new double[2]);
            double[] lo = l.domain().lo();
            double[] hi = l.domain().hi();
            Grid grid = grid(lo[0], hi[0], lo[1], hi[1], n);
            surface = Surface.of(l, grid);
            name = l.name();
            chart = ContourChart.builder(l.name(), "x0", "x1", Surfaces.toGrid(l, surface));
            double[][] minima = Surfaces.minimaInside(l, grid);
            if (minima[0].length > 0) {
                chart.diamonds(minima[0].length == 1 ? "global minimum" : "global minima",
                        minima[0], minima[1], Color.BLACK);
            }
            if (!paths.isEmpty()) {
                double[] x0 = start == null ? new double[2] : start.values();
                if (x0.length != 2) {
                    throw new BadInputException("--start has " + x0.length + " coordinate"
                            + (x0.length == 1 ? "" : "s") + " but the surface is drawn in 2");
                }
                LandscapeResolver.forPoint(landscape, "--start", x0);
                entries = Race.runRacers(l, x0, n0, paths);
                Race.paths(chart, entries);
                chart.point("start", x0[0], x0[1], Charts.INIT);
            }
        }
        chart.subtitle(String.format(Locale.ROOT, "%d x %d grid; min %s, max %s", n, n,
                Numbers.brief(surface.min()), Numbers.brief(surface.max())));
        chart.levels(ContourChart.logLevels(Surfaces.toGrid(surface), levels, 4));
        if (out != null || png == null) {
            StringWriter csv = new StringWriter();
            surface.writeCsv(csv);
            if (out == null) {
                spec.commandLine().getOut().print(csv);
                spec.commandLine().getOut().flush();
            } else {
                OutputOptions.write(out, csv.toString());
            }
        }
        Path file = png != null ? png : out != null ? beside(out) : null;
        if (file != null) {
            Charts.writePng(chart.build(), file, picture.width(), picture.height());
            spec.commandLine().getErr().println(spec.qualifiedName() + ": picture: " + file);
            spec.commandLine().getErr().flush();
        }
        StringBuilder diverged = new StringBuilder();
        for (Race.Entry e : entries) {
            if (e.diverged()) {
                diverged.append(diverged.length() == 0 ? "" : ", ").append(e.name()).append(' ')
                        .append(e.outcome());
            }
        }
        if (diverged.length() > 0) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + diverged);
            spec.commandLine().getErr().flush();
            return ExitCodes.DIVERGED;
        }
        return ExitCodes.OK;
    }

    private Grid grid(double xLo, double xHi, double yLo, double yHi, int n) {
        double[] x = xRange == null ? new double[] {xLo, xHi} : range("--x-range", xRange, n);
        double[] y = yRange == null ? new double[] {yLo, yHi} : range("--y-range", yRange, n);
        return new Grid(x[0], x[1], n, y[0], y[1], n);
    }

    /** {@code FILE.csv} → {@code FILE.png}, in the same folder. */
    private static Path beside(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".png");
    }

    private static double[] range(String option, Coordinates c, int n) {
        double[] r = c.values();
        String given = option + " " + (r.length == 2
                ? Numbers.brief(r[0]) + "," + Numbers.brief(r[1]) : Numbers.point(r));
        if (r.length != 2 || !(r[1] > r[0])) {
            throw new BadInputException(option + " takes LO,HI with LO < HI, got "
                    + Numbers.point(r));
        }
        if (!Double.isFinite(r[1] - r[0]) || Math.abs(r[0]) > MAX_COORDINATE
                || Math.abs(r[1]) > MAX_COORDINATE) {
            throw new BadInputException(given + ": LO and HI must lie in [-1e300, 1e300] and"
                    + " HI - LO must be finite");
        }
        double step = (r[1] - r[0]) / (n - 1);
        if (!(r[0] + step > r[0]) || !(r[1] - step < r[1])) {
            throw new BadInputException(given + ": too narrow for " + n + " distinct grid"
                    + " points (--resolution " + n + ")");
        }
        return r;
    }
}
