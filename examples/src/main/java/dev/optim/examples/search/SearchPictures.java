package dev.optim.examples.search;

import dev.optim.examples.plot.Charts;
import dev.optim.examples.plot.LineChart;
import dev.optim.search.FinishedTrial;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/** The pictures of a search: trials over two parameters coloured by value, and best-so-far curves. */
public final class SearchPictures {

    private SearchPictures() {}

    /**
     * Trials over two numeric parameters (log axes), coloured by {@code log10} of the final value;
     * failed trials in grey.
     *
     * @param title the title
     * @param trials the trials
     * @param xName the parameter on the x axis
     * @param yName the parameter on the y axis
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path scatter(String title, List<FinishedTrial> trials, String xName, String yName, Path file)
            throws IOException {
        return scatter(title, trials, xName, yName, 0, "log10 final value", file);
    }

    /**
     * Trials over two numeric parameters (log axes), coloured by {@code log10(value − offset)} on
     * a scale of at most six decades from the lowest; failed trials in grey.
     *
     * @param title the title
     * @param trials the trials
     * @param xName the parameter on the x axis
     * @param yName the parameter on the y axis
     * @param offset subtracted from each value before its logarithm (e.g. the best achievable loss)
     * @param legend the colour scale's label
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path scatter(String title, List<FinishedTrial> trials, String xName, String yName, double offset,
            String legend, Path file) throws IOException {
        var ok = trials.stream().filter(t -> t.isComplete() && t.params().has(xName) && t.params().has(yName)).toList();
        var failed = trials.stream().filter(t -> !t.isComplete() && t.params().has(xName) && t.params().has(yName)).toList();
        java.util.function.ToDoubleFunction<FinishedTrial> c = t -> Math.log10(Math.max(1e-300, t.value() - offset));
        double lo = ok.stream().mapToDouble(c).min().orElse(0);
        double hi = Math.min(lo + 6, ok.stream().mapToDouble(c).max().orElse(1));
        var data = new DefaultXYZDataset();
        data.addSeries("trials", new double[][] {
            ok.stream().mapToDouble(t -> t.params().getDouble(xName)).toArray(),
            ok.stream().mapToDouble(t -> t.params().getDouble(yName)).toArray(),
            ok.stream().mapToDouble(c).toArray()});
        data.addSeries("failed (diverged)", new double[][] {
            failed.stream().mapToDouble(t -> t.params().getDouble(xName)).toArray(),
            failed.stream().mapToDouble(t -> t.params().getDouble(yName)).toArray(),
            failed.stream().mapToDouble(t -> Double.NaN).toArray()});
        PaintScale scale = new Viridis(lo, hi == lo ? lo + 1 : hi);
        var renderer = new XYShapeRenderer();
        renderer.setPaintScale(scale);
        renderer.setDrawOutlines(false);
        var x = new LogAxis(xName);
        x.setSmallestValue(1e-12);
        var y = new LogAxis(yName);
        var plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        var chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        var scaleLegend = new PaintScaleLegend(scale, new NumberAxis(legend));
        scaleLegend.setPosition(RectangleEdge.RIGHT);
        scaleLegend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(scaleLegend);
        Charts.style(chart, ok.size() + " completed trials, " + failed.size() + " failed (grey)");
        return Charts.writePng(chart, file, 800, 560);
    }

    /**
     * Best-so-far curves (median over seeds, log scale).
     *
     * @param title the title
     * @param yLabel the y axis' label
     * @param curves per sampler, the median best value after each trial
     * @param file the PNG to write
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path bestSoFar(String title, String yLabel, Map<String, double[]> curves, Path file)
            throws IOException {
        var b = LineChart.builder(title, "trials", yLabel).logY(true);
        curves.forEach((name, ys) -> {
            double[] xs = new double[ys.length];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = i + 1;
            }
            b.series(name, xs, ys);
        });
        JFreeChart chart = b.build();
        return Charts.writePng(chart, file, 800, 500);
    }

    /** A viridis-like colour scale. */
    private record Viridis(double lowerBound, double upperBound) implements PaintScale {
        private static final Color[] STOPS = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
            new Color(94, 201, 98), new Color(253, 231, 37)};

        @Override
        public double getLowerBound() {
            return lowerBound;
        }

        @Override
        public double getUpperBound() {
            return upperBound;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return new Color(160, 160, 160, 120);
            }
            double t = Math.max(0, Math.min(1, (value - lowerBound) / (upperBound - lowerBound))) * (STOPS.length - 1);
            int i = Math.min(STOPS.length - 2, (int) t);
            double f = t - i;
            Color a = STOPS[i];
            Color c = STOPS[i + 1];
            return new Color((int) (a.getRed() + f * (c.getRed() - a.getRed())),
                    (int) (a.getGreen() + f * (c.getGreen() - a.getGreen())),
                    (int) (a.getBlue() + f * (c.getBlue() - a.getBlue())));
        }
    }
}
