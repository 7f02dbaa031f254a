package dev.optim.examples.sharpness;

import dev.optim.examples.plot.Charts;
import dev.optim.examples.plot.ContourChart;
import dev.optim.examples.plot.GridValues;
import dev.optim.examples.plot.LineChart;
import dev.optim.landscapes.Surface;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The pictures of {@code optim sharpness}: PNGs of the interpolation, curves and the slice. */
public final class SharpnessPictures {

    /** Width of every picture in pixels: {@value}. */
    public static final int WIDTH = 720;
    /** Height of every picture in pixels: {@value}. */
    public static final int HEIGHT = 480;

    private SharpnessPictures() {
    }

    /**
     * The training and test losses along {@code (1 − α)·θ_SB + α·θ_LB}.
     *
     * @param line the interpolation
     * @param smallBatch the small batch size
     * @param largeBatch the large batch size
     * @param file the PNG
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path interpolation(NetworkSharpness.Interpolation line, int smallBatch,
            int largeBatch, Path file) throws IOException {
        return Charts.writePng(LineChart.builder("Between the small- and large-batch solutions",
                "α  (0: batch " + smallBatch + ",  1: batch " + largeBatch + ")",
                "cross-entropy").logY(true)
                .series("train", line.alphas(), line.trainLoss(), true)
                .series("test", line.alphas(), line.testLoss(), true)
                .build(), file, WIDTH, HEIGHT);
    }

    /**
     * Training loss curves against examples seen (in epochs) or against updates.
     *
     * @param title the title
     * @param curves the curves
     * @param againstUpdates true for updates on the x axis, false for epochs
     * @param trainSize the training-set size (examples per epoch)
     * @param file the PNG
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path lossCurves(String title, List<Training.Curve> curves,
            boolean againstUpdates, int trainSize, Path file) throws IOException {
        LineChart.Builder b = LineChart.builder(title,
                againstUpdates ? "updates" : "examples seen / training-set size (epochs)",
                "training loss").logY(true);
        for (Training.Curve c : curves) {
            double[] x = againstUpdates ? c.updates() : scaled(c.examples(), 1.0 / trainSize);
            b.series(c.name(), x, c.trainLoss(), true);
        }
        return Charts.writePng(b.build(), file, WIDTH, HEIGHT);
    }

    /**
     * Test accuracy against epochs.
     *
     * @param curves the curves
     * @param trainSize the training-set size
     * @param subtitle a note (SWATS's switch)
     * @param file the PNG
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path accuracy(List<Training.Curve> curves, int trainSize, String subtitle,
            Path file) throws IOException {
        LineChart.Builder b = LineChart.builder("Test accuracy: Adam, SGD with momentum, SWATS",
                "epochs", "test accuracy").subtitle(subtitle);
        for (Training.Curve c : curves) {
            b.series(c.name(), scaled(c.examples(), 1.0 / trainSize), c.testAccuracy(), true);
        }
        return Charts.writePng(b.build(), file, WIDTH, HEIGHT);
    }

    /**
     * A 2-D slice of the training loss along two filter-normalised directions.
     *
     * @param surface the slice
     * @param title the title
     * @param file the PNG
     * @return the file
     * @throws IOException if it cannot be written
     */
    public static Path slice(Surface surface, String title, Path file) throws IOException {
        GridValues grid = new GridValues(surface.grid().xs(), surface.grid().ys(),
                surface.values());
        return Charts.writePng(ContourChart.builder(title, "a (direction 1)", "b (direction 2)",
                grid).valueLabel("training loss")
                .subtitle(String.format(Locale.ROOT, "min %.4g, max %.4g", surface.min(),
                        surface.max()))
                .point("solution", 0, 0, Charts.INIT).build(), file, WIDTH, HEIGHT);
    }

    private static double[] scaled(double[] v, double s) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * s;
        }
        return out;
    }
}
