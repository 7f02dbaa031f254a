package dev.optim.examples.plot;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * A line chart of curves against a shared x axis (loss against step, for instance), optionally
 * with a logarithmic y axis. On a log axis, values that are not positive and finite are left out
 * (drawn as gaps). Notes put a labelled arrow at a point, to mark where a run diverged.
 *
 * <pre>{@code
 * JFreeChart c = LineChart.builder("Loss", "step", "loss").logY(true)
 *         .series("lr = 0.01", steps, losses).build();
 * }</pre>
 */
public final class LineChart {

    private LineChart() {}

    /**
     * A builder.
     *
     * @param title the chart title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @return a new builder
     */
    public static Builder builder(String title, String xLabel, String yLabel) {
        return new Builder(title, xLabel, yLabel);
    }

    private record Series(String name, double[] xs, double[] ys, boolean markers, boolean line,
            java.awt.Paint paint) {}

    private record Note(String text, double x, double y) {}

    /** Collects the series and builds the chart. */
    public static final class Builder {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final List<Series> series = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();
        private boolean logY;
        private String subtitle;

        private Builder(String title, String xLabel, String yLabel) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
        }

        /**
         * Whether the y axis is logarithmic.
         *
         * @param log true for a log axis
         * @return this builder
         */
        public Builder logY(boolean log) {
            this.logY = log;
            return this;
        }

        /**
         * A line under the title.
         *
         * @param text the subtitle
         * @return this builder
         */
        public Builder subtitle(String text) {
            this.subtitle = text;
            return this;
        }

        /**
         * Adds a curve.
         *
         * @param name the legend label, unique in this chart
         * @param xs the x values
         * @param ys the y values, as many as {@code xs}
         * @return this builder
         */
        public Builder series(String name, double[] xs, double[] ys) {
            return series(name, xs, ys, false);
        }

        /**
         * Adds a curve, with a marker at each point if {@code markers}.
         *
         * @param name the legend label, unique in this chart
         * @param xs the x values
         * @param ys the y values, as many as {@code xs}
         * @param markers whether to mark each point
         * @return this builder
         */
        public Builder series(String name, double[] xs, double[] ys, boolean markers) {
            check(name, xs, ys);
            series.add(new Series(name, xs.clone(), ys.clone(), markers, true, null));
            return this;
        }

        /**
         * Adds a curve in a given colour.
         *
         * @param name the legend label, unique in this chart
         * @param xs the x values
         * @param ys the y values, as many as {@code xs}
         * @param paint the colour
         * @return this builder
         */
        public Builder series(String name, double[] xs, double[] ys, java.awt.Paint paint) {
            check(name, xs, ys);
            series.add(new Series(name, xs.clone(), ys.clone(), false, true, paint));
            return this;
        }

        /**
         * Adds points without a line (a scatter).
         *
         * @param name the legend label, unique in this chart
         * @param xs the x values
         * @param ys the y values, as many as {@code xs}
         * @param paint the colour, or null for the palette's
         * @return this builder
         */
        public Builder points(String name, double[] xs, double[] ys, java.awt.Paint paint) {
            check(name, xs, ys);
            series.add(new Series(name, xs.clone(), ys.clone(), true, false, paint));
            return this;
        }

        private static void check(String name, double[] xs, double[] ys) {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + xs.length
                        + " x values but " + ys.length + " y values");
            }
        }

        /**
         * Adds a labelled arrow pointing at {@code (x, y)}.
         *
         * @param text the label
         * @param x the x coordinate
         * @param y the y coordinate
         * @return this builder
         */
        public Builder note(String text, double x, double y) {
            notes.add(new Note(text, x, y));
            return this;
        }

        /**
         * Builds the chart.
         *
         * @return the chart
         */
        public JFreeChart build() {
            DefaultXYDataset data = new DefaultXYDataset();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            for (int s = 0; s < series.size(); s++) {
                Series one = series.get(s);
                double[] ys = one.ys.clone();
                if (logY) {
                    for (int i = 0; i < ys.length; i++) {
                        if (!(ys[i] > 0) || !Double.isFinite(ys[i])) {
                            ys[i] = Double.NaN;
                        }
                    }
                }
                data.addSeries(one.name, new double[][] {one.xs, ys});
                renderer.setSeriesPaint(s, one.paint != null ? one.paint : Charts.colour(s));
                renderer.setSeriesStroke(s, Charts.stroke(2f));
                renderer.setSeriesShapesVisible(s, one.markers);
                renderer.setSeriesLinesVisible(s, one.line);
                if (!one.line) {
                    renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
                }
            }
            NumberAxis x = new NumberAxis(xLabel);
            x.setAutoRangeIncludesZero(false);
            ValueAxis y;
            if (logY) {
                LogAxis log = new LogAxis(yLabel);
                log.setBase(10);
                log.setSmallestValue(1e-300);
                log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                log.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0",
                        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
                y = log;
            } else {
                NumberAxis lin = new NumberAxis(yLabel);
                lin.setAutoRangeIncludesZero(false);
                y = lin;
            }
            XYPlot plot = new XYPlot(data, x, y, renderer);
            double xMin = Double.POSITIVE_INFINITY;
            double xMax = Double.NEGATIVE_INFINITY;
            for (Series one : series) {
                for (double v : one.xs) {
                    xMin = Math.min(xMin, v);
                    xMax = Math.max(xMax, v);
                }
            }
            for (Note n : notes) {
                // The label goes down and away from the nearer side, so it stays in the plot.
                boolean leftHalf = n.x <= (xMin + xMax) / 2;
                XYPointerAnnotation a = new XYPointerAnnotation(n.text, n.x, n.y,
                        leftHalf ? Math.PI / 4 : 3 * Math.PI / 4);
                a.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                a.setPaint(Color.BLACK);
                a.setArrowPaint(Color.BLACK);
                a.setTextAnchor(leftHalf ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
                a.setBaseRadius(40);
                a.setTipRadius(4);
                plot.addAnnotation(a);
            }
            JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            return Charts.style(chart, subtitle);
        }
    }
}
