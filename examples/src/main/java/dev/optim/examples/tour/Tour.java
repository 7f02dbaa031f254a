package dev.optim.examples.tour;

import dev.optim.examples.text.TextTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tour of the article "Optimizing neural networks": ten steps, each a point of the article
 * run with the library and drawn, written into one folder with a summary table
 * ({@code summary.md}):
 *
 * <ol>
 *   <li>the regression data with the ground-truth line and the fitted line;
 *   <li>the regression loss surface with the ground truth, the initialisation and the
 *       trajectories of batch sizes 1, 24 and 300;
 *   <li>loss curves for a learning rate too small, about right and too large (diverging);
 *   <li>the optimizer race on himmelblau, styblinski-tang, rosenbrock and goldstein-price, with
 *       learning-rate decay off and on;
 *   <li>the house-price regression with and without standardisation;
 *   <li>the YOLO loss and its five terms as predictions move toward the truth;
 *   <li>the memory each optimizer keeps per parameter;
 *   <li>GD, Momentum, RMSprop and Adam training one MLP;
 *   <li>a small YOLO detector trained with Adam: its five loss terms over training and its
 *       precision–recall curves per class ({@link TrainedDetector});
 *   <li>sharp and flat minima: small and large batches trained to the same loss, the line
 *       between the two solutions and a filter-normalised slice ({@link SharpMinima}).
 * </ol>
 *
 * <p>Each step logs a progress line when it starts and when it ends, with its time.
 */
public final class Tour {

    private static final Logger LOG = LoggerFactory.getLogger(Tour.class);

    /** The summary file in the output folder. */
    public static final String SUMMARY = "summary.md";

    private final TourSettings settings;
    private final List<TourStep> steps;

    /**
     * A tour with the ten steps of the article.
     *
     * @param settings the settings
     */
    public Tour(TourSettings settings) {
        this(settings, List.of(new DataAndFit(), new LossSurface(), new LearningRates(),
                new OptimizerRace(), new HousePriceScaling(), new YoloTerms(),
                new OptimizerMemory(), new NetworkTraining(), new TrainedDetector(),
                new SharpMinima()));
    }

    /**
     * A tour with given steps.
     *
     * @param settings the settings
     * @param steps the steps, run in order
     */
    Tour(TourSettings settings, List<TourStep> steps) {
        this.settings = settings;
        this.steps = List.copyOf(steps);
    }

    /**
     * Runs every step and writes {@code summary.md}.
     *
     * @return the findings, in order
     * @throws IOException if a file cannot be written
     */
    public List<Finding> run() throws IOException {
        Files.createDirectories(settings.out());
        TourContext ctx = new TourContext(settings);
        List<Finding> findings = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < steps.size(); i++) {
            TourStep step = steps.get(i);
            LOG.info("tour [{}/{}] {} ...", i + 1, steps.size(), step.title());
            long t = System.nanoTime();
            findings.addAll(step.run(ctx));
            LOG.info("tour [{}/{}] done in {} s", i + 1, steps.size(), seconds(t));
        }
        Files.writeString(settings.out().resolve(SUMMARY), summary(findings),
                StandardCharsets.UTF_8);
        LOG.info("tour: {} pictures and {} in {} in {} s", pictures(findings).size(), SUMMARY,
                settings.out(), seconds(start));
        return findings;
    }

    /**
     * The summary: a title, the settings, and a Markdown table of the findings.
     *
     * @param findings the findings
     * @return the Markdown text
     */
    public String summary(List<Finding> findings) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "point of the article", "what the run shows", "pictures"});
        for (Finding f : findings) {
            rows.add(new String[] {Integer.toString(f.point()), f.topic(), f.result(),
                String.join(", ", f.pictures())});
        }
        return "# Optimizing neural networks: the tour\n\n"
                + (settings.quick() ? "Reduced run (--quick). " : "")
                + "Seed " + settings.seed() + "; pictures " + settings.width() + "x"
                + settings.height() + " pixels.\n\n" + TextTable.markdown(rows);
    }

    /**
     * Every picture named by the findings.
     *
     * @param findings the findings
     * @return the file names, in order
     */
    public static List<String> pictures(List<Finding> findings) {
        List<String> all = new ArrayList<>();
        for (Finding f : findings) {
            all.addAll(f.pictures());
        }
        return all;
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }
}
