package dev.optim.examples.plot;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A contour picture of a function of two variables: a heat map of the value on a logarithmic
 * colour scale (darker is larger, as in the article), log-spaced contour lines, and on top of
 * them paths (trajectories, each ending in a hollow square, drawn on top of everything) and
 * marked points (a start, a ground truth,
 * known minima).
 *
 * <p>Because losses may be zero or negative (styblinski-tang, mccormick), colours and contour
 * levels are taken on the shifted value {@code z − min}, as the article shifts those landscapes
 * to be non-negative. Paths are cut where they first leave {@code ±1e4} or become non-finite,
 * as the article does not draw such points.
 *
 * <pre>{@code
 * JFreeChart c = ContourChart.builder("himmelblau", "x0", "x1", grid)
 *         .path("Adam", xs, ys).point("start", 0, 0, Charts.INIT).build();
 * }</pre>
 */
public final class ContourChart {

    /** Paths are cut where a coordinate leaves {@code [−LIMIT, LIMIT]}. */
    public static final double LIMIT = 1e4;

    private ContourChart() {}

    /**
     * A builder over {@code grid}.
     *
     * @param title the chart title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param grid the values to draw
     * @return a new builder
     */
    public static Builder builder(String title, String xLabel, String yLabel, GridValues grid) {
        return new Builder(title, xLabel, yLabel, grid);
    }

    /**
     * Log-spaced contour levels: {@code count} levels {@code min + d_k}, with the {@code d_k}
     * geometrically spaced from {@code (max − min)·10^−decades} to {@code max − min}, both
     * excluded.
     *
     * @param grid the grid
     * @param count the number of levels, at least 1
     * @param decades how many decades below the range the lowest level sits, above 0
     * @return the levels, increasing, in the grid's units
     */
    public static double[] logLevels(GridValues grid, int count, double decades) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double min = grid.min();
        double range = grid.max() - min;
        if (!(range > 0)) {
            return new double[] {min};
        }
        double[] levels = new double[count];
        for (int k = 0; k < count; k++) {
            double e = -decades + decades * (k + 1) / (count + 1.0);
            levels[k] = min + range * Math.pow(10, e);
        }
        return levels;
    }

    /**
     * The first {@code n} points of a path that stay finite and within {@code ±LIMIT}.
     *
     * @param xs the x coordinates
     * @param ys the y coordinates
     * @return the number of leading points to draw
     */
    static int drawable(double[] xs, double[] ys) {
        int n = Math.min(xs.length, ys.length);
        for (int i = 0; i < n; i++) {
            if (!(Math.abs(xs[i]) <= LIMIT) || !(Math.abs(ys[i]) <= LIMIT)) {
                return i;
            }
        }
        return n;
    }

    private record Path(String name, double[] xs, double[] ys) {}

    /** How a marked point is drawn. */
    private enum Mark { CIRCLE, DIAMOND, END }

    private record Point(String name, double x, double y, Paint paint, Mark mark,
            boolean inLegend) {}

    /** Collects the overlays and builds the chart. */
    public static final class Builder {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final GridValues grid;
        private final List<Path> paths = new ArrayList<>();
        private final List<Point> points = new ArrayList<>();
        private double[] levels;
        private double decades = 4;
        private String subtitle;
        private String valueLabel = "loss";

        private Builder(String title, String xLabel, String yLabel, GridValues grid) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.grid = grid;
        }

        /**
         * The contour levels (default: 12 log-spaced levels over 4 decades).
         *
         * @param values the levels, in the grid's units
         * @return this builder
         */
        public Builder levels(double[] values) {
            this.levels = values.clone();
            return this;
        }

        /**
         * How many decades below the value range the colour scale and the default levels reach
         * (default 4).
         *
         * @param d the decades, above 0
         * @return this builder
         */
        public Builder decades(double d) {
            if (!(d > 0)) {
                throw new IllegalArgumentException("decades must be > 0, got " + d);
            }
            this.decades = d;
            return this;
        }

        /**
         * What the grid's values are, for the colour scale's label (default "loss").
         *
         * @param label the label
         * @return this builder
         */
        public Builder valueLabel(String label) {
            this.valueLabel = label;
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
         * Adds a path, drawn as a line with small markers and a square at its last drawn
         * point.
         *
         * @param name the legend label, unique in this chart
         * @param xs the x coordinates
         * @param ys the y coordinates
         * @return this builder
         */
        public Builder path(String name, double[] xs, double[] ys) {
            paths.add(new Path(name, xs.clone(), ys.clone()));
            return this;
        }

        /**
         * Adds a marked point (a filled circle).
         *
         * @param name the legend label, unique in this chart
         * @param x the x coordinate
         * @param y the y coordinate
         * @param paint the colour
         * @return this builder
         */
        public Builder point(String name, double x, double y, Paint paint) {
            points.add(new Point(name, x, y, paint, Mark.CIRCLE, true));
            return this;
        }

        /**
         * Adds points marked with diamonds under one legend label (known minima, for instance).
         *
         * @param name the legend label, unique in this chart
         * @param xs the x coordinates
         * @param ys the y coordinates
         * @param paint the colour
         * @return this builder
         */
        public Builder diamonds(String name, double[] xs, double[] ys, Paint paint) {
            for (int i = 0; i < xs.length; i++) {
                points.add(new Point(i == 0 ? name : name + " (" + (i + 1) + ")", xs[i], ys[i],
                        paint, Mark.DIAMOND, i == 0));
            }
            return this;
        }

        /**
         * Builds the chart.
         *
         * @return the chart
         */
        public JFreeChart build() {
            double min = grid.min();
            double range = grid.max() - min;
            double floor = range > 0 ? range * Math.pow(10, -decades) : 1;
            double[] lv = levels != null ? levels : logLevels(grid, 12, decades);

            XYPlot plot = new XYPlot();
            NumberAxis x = new NumberAxis(xLabel);
            x.setRange(grid.x(0), grid.x(grid.nx() - 1));
            NumberAxis y = new NumberAxis(yLabel);
            y.setRange(grid.y(0), grid.y(grid.ny() - 1));
            plot.setDomainAxis(x);
            plot.setRangeAxis(y);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);

            // 0: points, on top. The start and the known minima first; then each path's last
            // drawn point as a hollow square in its colour, drawn last (on top of a minimum's
            // diamond) and smaller for each later path, so that paths which end together still
            // show one nested square each.
            List<Point> marks = new ArrayList<>(points);
            int firstEnd = marks.size();
            for (int i = 0; i < paths.size(); i++) {
                Path p = paths.get(i);
                int n = drawable(p.xs, p.ys);
                if (n > 0) {
                    marks.add(new Point(p.name + " (end)", p.xs[n - 1], p.ys[n - 1],
                            Charts.colour(i), Mark.END, false));
                }
            }
            DefaultXYDataset pointData = new DefaultXYDataset();
            XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
            Shape circle = new Ellipse2D.Double(-6, -6, 12, 12);
            Shape diamond = ShapeUtils.createDiamond(6);
            for (int i = 0; i < marks.size(); i++) {
                Point p = marks.get(i);
                pointData.addSeries(p.name, new double[][] {{p.x}, {p.y}});
                pointRenderer.setSeriesPaint(i, p.paint);
                if (p.mark == Mark.END) {
                    double h = Math.max(3, 9 - 2 * (i - firstEnd));
                    pointRenderer.setSeriesShape(i,
                            new java.awt.geom.Rectangle2D.Double(-h, -h, 2 * h, 2 * h));
                    pointRenderer.setSeriesShapesFilled(i, false);
                    pointRenderer.setSeriesOutlinePaint(i, p.paint);
                    pointRenderer.setSeriesOutlineStroke(i, Charts.stroke(2f));
                } else {
                    pointRenderer.setSeriesShape(i, p.mark == Mark.CIRCLE ? circle : diamond);
                    pointRenderer.setSeriesOutlinePaint(i, Color.WHITE);
                }
                pointRenderer.setSeriesVisibleInLegend(i, p.inLegend);
            }
            pointRenderer.setUseOutlinePaint(true);
            pointRenderer.setDrawOutlines(true);
            plot.setDataset(0, pointData);
            plot.setRenderer(0, pointRenderer);

            // 1: paths.
            DefaultXYDataset pathData = new DefaultXYDataset();
            XYLineAndShapeRenderer pathRenderer = new XYLineAndShapeRenderer(true, true);
            Shape dot = new Ellipse2D.Double(-2, -2, 4, 4);
            for (int i = 0; i < paths.size(); i++) {
                Path p = paths.get(i);
                int n = drawable(p.xs, p.ys);
                pathData.addSeries(p.name, new double[][] {
                    java.util.Arrays.copyOf(p.xs, n), java.util.Arrays.copyOf(p.ys, n)});
                pathRenderer.setSeriesPaint(i, Charts.colour(i));
                // Earlier paths are drawn first and wider, so that a later path that follows
                // the same way still shows on top of it.
                pathRenderer.setSeriesStroke(i, Charts.stroke(Math.max(1f, 3.5f - 0.8f * i)));
                pathRenderer.setSeriesShape(i, dot);
            }
            plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
            plot.setDataset(1, pathData);
            plot.setRenderer(1, pathRenderer);

            // 2: contour lines.
            DefaultXYDataset contourData = new DefaultXYDataset();
            XYLineAndShapeRenderer contourRenderer = new XYLineAndShapeRenderer(true, false);
            int s = 0;
            for (double level : lv) {
                double[][] line = MarchingSquares.contour(grid, level);
                if (line[0].length == 0) {
                    continue;
                }
                contourData.addSeries(s == 0 ? "contours of " + valueLabel + " (log-spaced)"
                        : "level " + s, line);
                contourRenderer.setSeriesPaint(s, new Color(40, 40, 40, 150));
                contourRenderer.setSeriesStroke(s, Charts.stroke(0.8f));
                contourRenderer.setSeriesVisibleInLegend(s, s == 0);
                s++;
            }
            contourRenderer.setDrawSeriesLineAsPath(false);
            plot.setDataset(2, contourData);
            plot.setRenderer(2, contourRenderer);

            // 3: heat map of log10(max(z − min, floor)), below everything.
            int nx = grid.nx();
            int ny = grid.ny();
            double[] hx = new double[nx * ny];
            double[] hy = new double[nx * ny];
            double[] hz = new double[nx * ny];
            for (int j = 0, k = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, k++) {
                    hx[k] = grid.x(i);
                    hy[k] = grid.y(j);
                    double v = grid.z(i, j);
                    hz[k] = Double.isFinite(v) ? Math.log10(Math.max(v - min, floor))
                            : Double.NaN;
                }
            }
            DefaultXYZDataset heat = new DefaultXYZDataset();
            heat.addSeries(valueLabel, new double[][] {hx, hy, hz});
            XYBlockRenderer block = new XYBlockRenderer();
            block.setBlockWidth((grid.x(nx - 1) - grid.x(0)) / (nx - 1));
            block.setBlockHeight((grid.y(ny - 1) - grid.y(0)) / (ny - 1));
            double lo = Math.log10(floor);
            double hi = Math.log10(Math.max(range, floor));
            GradientScale scale = new GradientScale(lo, hi > lo ? hi : lo + 1);
            block.setPaintScale(scale);
            block.setSeriesVisibleInLegend(0, false);
            plot.setDataset(3, heat);
            plot.setRenderer(3, block);

            JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            Charts.style(chart, subtitle);
            // The colour bar in the reader's terms: the value itself (above the grid's minimum
            // when that is not 0), on a log scale, ticks labelled 0.1, 1, 10, ... not exponents.
            NumberAxis scaleAxis = new NumberAxis(scaleLabel(valueLabel, min, floor));
            scaleAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
            scaleAxis.setNumberFormatOverride(new PowerOfTen());
            scaleAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            legend.setMargin(new RectangleInsets(10, 6, 10, 6));
            legend.setStripWidth(12);
            legend.setSubdivisionCount(128);
            chart.addSubtitle(legend);
            return chart;
        }
    }

    /**
     * The colour bar's label: {@code loss (log scale)} when the grid's minimum is 0 or too close
     * to it to matter (below the scale's lowest value {@code floor}), else the value above the
     * minimum, {@code loss + 78.33 (log scale)}.
     */
    static String scaleLabel(String valueLabel, double min, double floor) {
        if (Math.abs(min) <= floor) {
            return valueLabel + " (log scale)";
        }
        String m = dev.optim.examples.text.Numbers.sig4(Math.abs(min));
        return valueLabel + (min < 0 ? " + " : " − ") + m + " (log scale)";
    }

    /** Labels a tick at exponent e with the value 10^e: 0.01, 0.1, 1, 10, 100, 1e+04. */
    private static final class PowerOfTen extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double e, StringBuffer to, java.text.FieldPosition pos) {
            double v = Math.pow(10, e);
            String s = Math.abs(e) <= 3 ? dev.optim.examples.text.Numbers.brief(v)
                    : String.format(java.util.Locale.ROOT, "1e%+d", Math.round(e));
            return to.append(s);
        }

        @Override
        public StringBuffer format(long e, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) e, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }
    }

    /** Light (small values) to dark (large values), as the article's colour scale. */
    private static final class GradientScale implements PaintScale {
        private static final Color[] STOPS = {
            new Color(0xFFFFFF), new Color(0xECEBF4), new Color(0xCAC6E0),
            new Color(0x9D98C4), new Color(0x6C67A0)
        };
        private final double lower;
        private final double upper;

        GradientScale(double lower, double upper) {
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return STOPS[STOPS.length - 1];
            }
            double t = (value - lower) / (upper - lower);
            t = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
            int i = Math.min((int) t, STOPS.length - 2);
            double f = t - i;
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color(
                    (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
