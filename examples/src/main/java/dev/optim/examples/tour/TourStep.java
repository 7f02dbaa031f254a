package dev.optim.examples.tour;

import java.io.IOException;
import java.util.List;

/** One point of the article, run and drawn. */
public interface TourStep {

    /**
     * What this step shows, for the progress lines.
     *
     * @return a few words
     */
    String title();

    /**
     * Runs the experiment, writes its pictures through {@code context}, and reports.
     *
     * @param context the output folder, picture sizes and shared data
     * @return the summary rows (usually one)
     * @throws IOException if a picture cannot be written
     */
    List<Finding> run(TourContext context) throws IOException;
}
