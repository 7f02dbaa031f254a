package dev.optim.examples.tour;

import dev.optim.examples.plot.Charts;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * What the steps of one tour share: the settings, the output folder, and the article's
 * regression data (generated once).
 */
public final class TourContext {

    private final TourSettings settings;
    private RegressionData regression;

    /**
     * Creates the context.
     *
     * @param settings the settings
     */
    public TourContext(TourSettings settings) {
        this.settings = settings;
    }

    /**
     * The settings.
     *
     * @return the settings
     */
    public TourSettings settings() {
        return settings;
    }

    /**
     * The article's regression data: 300 points from the article's generator with the tour's
     * seed.
     *
     * @return the data, generated on first use
     */
    public RegressionData regressionData() {
        if (regression == null) {
            regression = RegressionProblem.builder().points(300).seed(settings.seed()).build()
                    .generate();
        }
        return regression;
    }

    /**
     * Writes {@code chart} into the output folder at the settings' size.
     *
     * @param name the file name, ending in {@code .png}
     * @param chart the chart
     * @return {@code name}
     * @throws IOException if writing fails
     */
    public String png(String name, JFreeChart chart) throws IOException {
        Path file = settings.out().resolve(name);
        Charts.writePng(chart, file, settings.width(), settings.height());
        return name;
    }
}
