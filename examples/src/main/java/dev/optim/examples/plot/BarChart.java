package dev.optim.examples.plot;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A grouped bar chart: for each category (an optimizer, say), one bar per series, with the value
 * printed on the bar.
 *
 * <pre>{@code
 * JFreeChart c = BarChart.builder("Memory", "optimizer", "bytes per parameter")
 *         .bar("float32", "Adam", 8).bar("float64", "Adam", 16).build();
 * }</pre>
 */
public final class BarChart {

    private BarChart() {}

    /**
     * A builder.
     *
     * @param title the chart title
     * @param categoryLabel the category axis label
     * @param valueLabel the value axis label
     * @return a new builder
     */
    public static Builder builder(String title, String categoryLabel, String valueLabel) {
        return new Builder(title, categoryLabel, valueLabel);
    }

    /** Collects the bars and builds the chart. */
    public static final class Builder {
        private final String title;
        private final String categoryLabel;
        private final String valueLabel;
        private final DefaultCategoryDataset data = new DefaultCategoryDataset();
        private String subtitle;
        private boolean horizontal;

        private Builder(String title, String categoryLabel, String valueLabel) {
            this.title = title;
            this.categoryLabel = categoryLabel;
            this.valueLabel = valueLabel;
        }

        /**
         * Adds (or replaces) one bar.
         *
         * @param series the series (legend label)
         * @param category the category (axis label)
         * @param value the bar's height
         * @return this builder
         */
        public Builder bar(String series, String category, double value) {
            data.addValue(value, series, category);
            return this;
        }

        /**
         * Draws the bars horizontally (the categories down the left), for many categories or
         * long names.
         *
         * @return this builder
         */
        public Builder horizontal() {
            this.horizontal = true;
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
         * Builds the chart.
         *
         * @return the chart
         */
        public JFreeChart build() {
            JFreeChart chart = ChartFactory.createBarChart(title, categoryLabel, valueLabel, data,
                    horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true,
                    false, false);
            CategoryPlot plot = chart.getCategoryPlot();
            BarRenderer renderer = (BarRenderer) plot.getRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
            renderer.setDefaultItemLabelsVisible(true);
            for (int s = 0; s < data.getRowCount(); s++) {
                renderer.setSeriesPaint(s, Charts.colour(s));
            }
            return Charts.style(chart, subtitle);
        }
    }
}
