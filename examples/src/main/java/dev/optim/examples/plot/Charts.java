package dev.optim.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Shared look and PNG output for the examples' charts: white plot area, light grid lines, the
 * legend at the bottom, and a fixed colour-blind-safe palette (Okabe and Ito).
 */
public final class Charts {

    /** The series palette (Okabe–Ito), in the order series take it. */
    private static final Color[] PALETTE = {
        new Color(0xE69F00), // orange
        new Color(0x0072B2), // blue
        new Color(0x009E73), // bluish green
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0x56B4E9), // sky blue
        new Color(0x000000), // black
        new Color(0xF0E442), // yellow
    };

    /** The ground truth's colour in the regression pictures, as in the article (blue). */
    public static final Color TRUTH = new Color(0x1F4FD8);
    /** The initialisation's colour in the regression pictures, as in the article (red). */
    public static final Color INIT = new Color(0xE3262B);

    private Charts() {}

    /**
     * The palette colour for series {@code i} (cycling).
     *
     * @param i the series index, at least 0
     * @return the colour
     */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * A line stroke.
     *
     * @param width the width in pixels
     * @return a round-joined stroke
     */
    public static BasicStroke stroke(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Applies the shared look to {@code chart}, with an optional subtitle.
     *
     * @param chart the chart
     * @param subtitle a line under the title, or null
     * @return {@code chart}
     */
    public static JFreeChart style(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
        return chart;
    }

    /**
     * Writes {@code chart} as a PNG of {@code width × height} pixels, creating the parent folder.
     *
     * @param chart the chart
     * @param file the PNG file
     * @param width the width in pixels, at least 1
     * @param height the height in pixels, at least 1
     * @return {@code file}
     * @throws IOException if writing fails
     */
    public static Path writePng(JFreeChart chart, Path file, int width, int height)
            throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "picture size must be positive, got " + width + "x" + height);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        return file;
    }
}
