package dev.optim.examples.experiment;

import dev.optim.core.Optimizer;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.core.descent.Trajectory;
import dev.optim.examples.plot.Charts;
import dev.optim.examples.plot.ContourChart;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Surface;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The article's optimizer race: several optimizers, each with its own configuration, run for
 * the same number of steps from the same start on the same 2-D landscape, and drawn together on
 * its contour picture.
 *
 * <pre>{@code
 * List<Race.Entry> entries = Race.run(himmelblau, new double[] {0, 0}, 200, optimizers);
 * JFreeChart c = Race.chart(himmelblau, surface, new double[] {0, 0}, entries, "title", null);
 * }</pre>
 */
public final class Race {

    private Race() {}

    /**
     * One runner of the race.
     *
     * @param name the label (GD, Momentum, …)
     * @param optimizer the first-order optimizer, or null for a line-search one (L-BFGS)
     * @param result the outcome
     * @param learningRate the rate of the first update (L-BFGS: its initial step length)
     */
    public record Entry(String name, Optimizer optimizer, DescentResult result,
            double learningRate) {

        /**
         * A first-order runner, its rate read from its schedule.
         *
         * @param name the label
         * @param optimizer the optimizer
         * @param result the outcome
         */
        public Entry(String name, Optimizer optimizer, DescentResult result) {
            this(name, optimizer, result, optimizer.learningRate().valueAt(0));
        }

        /**
         * The recorded x coordinates (parameter 0) of the trajectory.
         *
         * @return one value per recorded row
         */
        public double[] xs() {
            return column(result.trajectory(), 0);
        }

        /**
         * The recorded y coordinates (parameter 1) of the trajectory.
         *
         * @return one value per recorded row
         */
        public double[] ys() {
            return column(result.trajectory(), 1);
        }

        /**
         * How the run ended, in words: {@code 200 steps}, {@code diverged at step 17},
         * {@code unbounded below at step 37} (see {@link Descents}).
         *
         * @return the text
         */
        public String outcome() {
            if (result.reason() == StopReason.DIVERGED) {
                return "diverged at step " + result.divergedAtStep();
            }
            if (Descents.unboundedBelow(result)) {
                return "unbounded below at step " + result.steps();
            }
            return result.steps() + " steps";
        }

        /**
         * Whether this runner diverged, by either rule of {@link Descents}.
         *
         * @return true if it did
         */
        public boolean diverged() {
            return Descents.diverged(result);
        }
    }

    /**
     * Runs every optimizer for {@code steps} updates from {@code start}: the descent of
     * {@link Descents#on} with every row recorded, as {@code optim run} makes it.
     *
     * @param landscape the landscape
     * @param start the start point
     * @param steps the number of updates
     * @param optimizers the runners by label, in order
     * @return one entry per optimizer, in the same order
     */
    public static List<Entry> run(Landscape landscape, double[] start, long steps,
            Map<String, Optimizer> optimizers) {
        List<Racer> racers = new ArrayList<>();
        for (Map.Entry<String, Optimizer> e : optimizers.entrySet()) {
            racers.add(Racer.of(e.getKey(), e.getValue()));
        }
        return runRacers(landscape, start, steps, racers);
    }

    /**
     * Runs every racer for {@code steps} updates (L-BFGS: iterations) from {@code start}, with
     * every row recorded: a first-order one in the descent of {@link Descents#on}, a line-search
     * one in that of {@link Descents#lineSearch}.
     *
     * @param landscape the landscape
     * @param start the start point
     * @param steps the number of updates
     * @param racers the runners, in order
     * @return one entry per racer, in the same order
     */
    public static List<Entry> runRacers(Landscape landscape, double[] start, long steps,
            List<Racer> racers) {
        List<Entry> entries = new ArrayList<>();
        for (Racer racer : racers) {
            DescentResult r = racer.optimizer() != null
                    ? Descents.on(racer.optimizer(), steps, 1, landscape, start)
                            .run(landscape, start)
                    : Descents.lineSearch(racer.lineSearch(), steps, 1, landscape, start)
                            .run(landscape, start);
            entries.add(new Entry(racer.label(), racer.optimizer(), r, racer.learningRate()));
        }
        return entries;
    }

    /**
     * The race on the landscape's contour picture: one path per entry (named with its rate and
     * outcome), the start as a red dot, the known minima as diamonds.
     *
     * @param landscape the landscape
     * @param surface the landscape's values on the picture's grid
     * @param start the start point
     * @param entries the runners
     * @param title the title
     * @param subtitle a line under the title, or null
     * @return the chart
     */
    public static JFreeChart chart(Landscape landscape, Surface surface, double[] start,
            List<Entry> entries, String title, String subtitle) {
        ContourChart.Builder b = ContourChart.builder(title, "x0", "x1",
                Surfaces.toGrid(landscape, surface));
        if (subtitle != null) {
            b.subtitle(subtitle);
        }
        paths(b, entries);
        double[][] minima = Surfaces.minimaInside(landscape, surface.grid());
        if (minima[0].length > 0) {
            b.diamonds(minima[0].length == 1 ? "global minimum" : "global minima", minima[0],
                    minima[1], Color.BLACK);
        }
        b.point("start", start[0], start[1], Charts.INIT);
        return b.build();
    }

    /**
     * Adds one path per entry to a contour chart, named with its rate and outcome.
     *
     * @param b the chart's builder
     * @param entries the runners
     * @return {@code b}
     */
    public static ContourChart.Builder paths(ContourChart.Builder b, List<Entry> entries) {
        for (Entry e : entries) {
            b.path(e.name() + " (lr " + Numbers.brief(e.learningRate())
                    + ", " + e.outcome() + ")", e.xs(), e.ys());
        }
        return b;
    }

    /**
     * A summary of each entry: label, rate, outcome, final loss and point (for a diverged runner
     * the last finite ones, as {@code optim run} reports them), distance to the nearest known
     * global minimum ({@code none known} for a landscape without one, such as the saddles).
     *
     * @param landscape the landscape
     * @param entries the runners
     * @return rows of text, the first a header
     */
    public static List<String[]> table(Landscape landscape, List<Entry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"optimizer", "lr", "outcome", "final loss", "final point",
            "to nearest global minimum"});
        for (Entry e : entries) {
            double[] p = e.result().parameters();
            rows.add(new String[] {
                e.name(),
                Numbers.brief(e.learningRate()),
                e.outcome(),
                Numbers.brief(e.result().loss()),
                Numbers.point(p),
                distance(nearestMinimum(landscape, p))
            });
        }
        return rows;
    }

    private static String distance(double d) {
        return Double.isNaN(d) ? "none known" : Numbers.brief(d);
    }

    /**
     * The Euclidean distance from {@code p} to the nearest known global minimum.
     *
     * @param landscape the landscape
     * @param p the point
     * @return the distance, or NaN if no minimum is known
     */
    public static double nearestMinimum(Landscape landscape, double[] p) {
        double best = Double.NaN;
        for (var m : landscape.minima()) {
            double[] q = m.point();
            if (q.length != p.length) {
                continue;
            }
            double s = 0;
            for (int i = 0; i < p.length; i++) {
                s += (p[i] - q[i]) * (p[i] - q[i]);
            }
            double d = Math.sqrt(s);
            if (!(d >= best)) {
                best = d;
            }
        }
        return best;
    }

    /**
     * The four optimizers in the article's order, keyed by their display names.
     *
     * @param gd gradient descent
     * @param momentum momentum
     * @param rmsprop RMSprop
     * @param adam Adam
     * @return the ordered map
     */
    public static Map<String, Optimizer> four(Optimizer gd, Optimizer momentum,
            Optimizer rmsprop, Optimizer adam) {
        Map<String, Optimizer> m = new LinkedHashMap<>();
        m.put("GD", gd);
        m.put("Momentum", momentum);
        m.put("RMSprop", rmsprop);
        m.put("Adam", adam);
        return m;
    }

    private static double[] column(Trajectory t, int i) {
        double[] v = new double[t.size()];
        for (int r = 0; r < t.size(); r++) {
            v[r] = t.param(r, i);
        }
        return v;
    }
}
