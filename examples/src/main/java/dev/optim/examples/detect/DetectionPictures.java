package dev.optim.examples.detect;

import dev.optim.examples.plot.Charts;
import dev.optim.losses.yolo.AveragePrecision;
import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.GroundTruthBox;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloLossTerms;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The pictures of a trained detector (issue 15's "see it"), from plain inputs: test scenes with
 * the predicted boxes over the ground truth, the five YOLO loss terms over training, and the
 * precision–recall curve of each class.
 *
 * <ul>
 *   <li>{@link #detectionGrid}: scenes as tiles scaled up {@link #SCALE}× (nearest-neighbour,
 *       {@link BoxPicture}), the ground truth as a dashed white-and-black border, each
 *       detection at or above a confidence as a solid border in its class's colour
 *       ({@link #classColour}) with a {@code "class confidence"} label, a legend strip below;
 *   <li>{@link #lossTerms}: {@code xy}, {@code wh}, {@code conf obj}, {@code conf noobj},
 *       {@code class} and their total against the epoch, training set solid and test set
 *       dashed in the same colour; the y axis is logarithmic when the values span more than
 *       {@link #LOG_SPAN} (zeros are then gaps);
 *   <li>{@link #precisionRecall}: per class, precision against recall after each ranked
 *       detection (thin), and its all-point interpolated envelope
 *       {@code p̂(r) = max_{r' ≥ r} p(r')} (thick) whose area is the AP named in the legend.
 * </ul>
 *
 * <pre>{@code
 * DetectionPictures.write(Path.of("out/detect"), scenes, detections,
 *         DetectionPictures.CLASS_NAMES, epochs, trainTerms, testTerms, result);
 * }</pre>
 */
public final class DetectionPictures {

    /** The detection grid's file name in {@link #write}. */
    public static final String DETECTIONS = "detections.png";
    /** The loss terms chart's file name in {@link #write}. */
    public static final String LOSS_TERMS = "loss-terms.png";
    /** The precision–recall chart's file name in {@link #write}. */
    public static final String PR_CURVES = "pr-curves.png";

    /** The synthetic scenes' class names, by class index ({@link SyntheticScenes#CAR} first). */
    public static final List<String> CLASS_NAMES = classNames();

    /** The tiles' scale factor in {@link #write}. */
    public static final int SCALE = 4;
    /** The columns of tiles in {@link #write} (and at most {@code COLUMNS²} scenes). */
    public static final int COLUMNS = 4;
    /** The lowest confidence drawn in {@link #write}. */
    public static final double MIN_CONFIDENCE = 0.5;
    /** The gap between tiles and around them, in pixels. */
    public static final int GAP = 6;
    /** The height of the legend strip under the tiles, in pixels. */
    public static final int LEGEND_HEIGHT = 28;
    /** The border thickness of boxes, in pixels. */
    public static final int THICKNESS = 2;
    /** The charts' width and height in {@link #write}. */
    public static final int CHART_WIDTH = 900;
    /** The charts' height in {@link #write}. */
    public static final int CHART_HEIGHT = 560;
    /** The ratio of the largest to the smallest positive value above which the y axis is log. */
    public static final double LOG_SPAN = 20;
    /** The most pixels a detection grid may have. */
    public static final long MAX_PIXELS = 1L << 26;

    private static final Color BACKGROUND = new Color(0xF4F4F4);
    private static final String[] TERM_NAMES = {"total", "xy (centres)", "wh (sizes)",
        "confidence (object)", "confidence (no object)", "classes"};

    private DetectionPictures() {}

    private static List<String> classNames() {
        String[] names = new String[SyntheticScenes.CLASSES];
        names[SyntheticScenes.CAR] = "car";
        names[SyntheticScenes.PEDESTRIAN] = "pedestrian";
        return List.of(names);
    }

    /**
     * The colour of a class's boxes and curves: the examples' palette ({@link Charts#colour}),
     * so a class has one colour in every picture.
     *
     * @param classId the class, at least 0
     * @return the colour
     */
    public static Color classColour(int classId) {
        return Charts.colour(classId);
    }

    /**
     * The width of a detection grid: {@code columns·tile + (columns + 1)·GAP}, with
     * {@code tile = scale·size}.
     *
     * @param columns the columns
     * @param tile the tile's side in pixels
     * @return the width in pixels
     */
    public static long gridWidth(int columns, int tile) {
        return (long) columns * tile + (long) (columns + 1) * GAP;
    }

    /**
     * The height of a detection grid of {@code rows} rows:
     * {@code rows·tile + (rows + 1)·GAP + LEGEND_HEIGHT}.
     *
     * @param rows the rows
     * @param tile the tile's side in pixels
     * @return the height in pixels
     */
    public static long gridHeight(int rows, int tile) {
        return (long) rows * tile + (long) (rows + 1) * GAP + LEGEND_HEIGHT;
    }

    /**
     * Test scenes as tiles, row by row, with the ground truth dashed and the detections of
     * confidence at least {@code minConfidence} solid in their class's colour, labelled
     * {@code "name confidence"} (the surest drawn last, on top). Tile {@code i} sits at
     * {@code (GAP + (i mod columns)·(tile + GAP), GAP + (i div columns)·(tile + GAP))}.
     *
     * @param scenes the scenes, one size, at least one
     * @param detections the detections of each scene, in the same order
     * @param classNames the name of each class index
     * @param columns the tiles per row, at least 1 (fewer if there are fewer scenes)
     * @param scale the tiles' scale factor, in {@code [1, 64]}
     * @param minConfidence the lowest confidence drawn, finite
     * @return a new RGB picture of {@link #gridWidth} × {@link #gridHeight} pixels
     * @throws IllegalArgumentException if a list is null, empty or holds null, the lists' sizes
     *     differ, the scenes differ in size, a class has no name, an argument is out of range,
     *     or the picture would exceed {@link #MAX_PIXELS}
     */
    public static BufferedImage detectionGrid(List<Scene> scenes,
            List<List<Detection>> detections, List<String> classNames, int columns, int scale,
            double minConfidence) {
        checkScenes(scenes, detections, classNames);
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if (scale < 1 || scale > 64) {
            throw new IllegalArgumentException("scale must be in [1, 64], got " + scale);
        }
        if (!Double.isFinite(minConfidence)) {
            throw new IllegalArgumentException("minConfidence must be finite, got "
                    + minConfidence);
        }
        int n = scenes.size();
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int tile = scenes.get(0).size() * scale;
        long width = gridWidth(cols, tile);
        long height = gridHeight(rows, tile);
        if (width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("the grid would be " + width + "x" + height
                    + " pixels, more than " + MAX_PIXELS + ": draw fewer scenes (" + n
                    + ") or a smaller scale (" + scale + ")");
        }
        BufferedImage img = new BufferedImage((int) width, (int) height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            for (int i = 0; i < n; i++) {
                int left = GAP + (i % cols) * (tile + GAP);
                int top = GAP + (i / cols) * (tile + GAP);
                tile(img, g, left, top, scale, scenes.get(i), detections.get(i), classNames,
                        minConfidence);
            }
            legend(g, GAP, (int) height - LEGEND_HEIGHT, classNames, minConfidence);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void tile(BufferedImage img, Graphics2D g, int left, int top, int scale,
            Scene scene, List<Detection> detections, List<String> classNames,
            double minConfidence) {
        BufferedImage picture = BoxPicture.scene(scene, scale);
        int side = picture.getWidth();
        g.drawImage(picture, left, top, null);
        for (GroundTruthBox b : scene.objects()) {
            BoxPicture.dashed(img, left, top, side, new double[] {b.cx(), b.cy(), b.w(), b.h()},
                    Color.WHITE, Color.BLACK, THICKNESS);
        }
        List<Detection> shown = new ArrayList<>();
        for (Detection d : detections) {
            if (d.confidence() >= minConfidence) {
                shown.add(d);
            }
        }
        shown.sort(Comparator.comparingDouble(Detection::confidence));
        for (Detection d : shown) {
            BoxPicture.solid(img, left, top, side, new double[] {d.cx(), d.cy(), d.w(), d.h()},
                    classColour(d.classId()), THICKNESS);
        }
        // Labels after all boxes, so that no border covers a label.
        java.awt.Shape clip = g.getClip();
        g.setClip(left, top, side, side);
        FontMetrics fm = g.getFontMetrics();
        for (Detection d : shown) {
            String text = classNames.get(d.classId()) + " "
                    + String.format(Locale.ROOT, "%.2f", d.confidence());
            int[] r = BoxPicture.pixels(d.cx(), d.cy(), d.w(), d.h(), side);
            int w = fm.stringWidth(text) + 4;
            int h = fm.getAscent() + 2;
            int x = Math.max(0, Math.min(r[0], side - w));
            int y = r[1] - h >= 0 ? r[1] - h : Math.max(0, r[1]);
            Color c = classColour(d.classId());
            g.setColor(c);
            g.fillRect(left + x, top + y, w, h);
            g.setColor(luminance(c) > 0.5 ? Color.BLACK : Color.WHITE);
            g.drawString(text, left + x + 2, top + y + fm.getAscent());
        }
        g.setClip(clip);
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }

    private static void legend(Graphics2D g, int x, int top, List<String> classNames,
            double minConfidence) {
        FontMetrics fm = g.getFontMetrics();
        int mid = top + LEGEND_HEIGHT / 2;
        for (int c = 0; c < classNames.size(); c++) {
            g.setColor(classColour(c));
            g.fillRect(x, mid - THICKNESS / 2, 18, THICKNESS);
            x += 22;
            g.setColor(Color.BLACK);
            g.drawString(classNames.get(c), x, mid + fm.getAscent() / 2 - 1);
            x += fm.stringWidth(classNames.get(c)) + 14;
        }
        for (int k = 0; k < 18; k++) {
            g.setColor((k / BoxPicture.DASH) % 2 == 0 ? Color.WHITE : Color.BLACK);
            g.fillRect(x + k, mid - THICKNESS / 2, 1, THICKNESS);
        }
        x += 22;
        g.setColor(Color.BLACK);
        String rest = "ground truth    (detections with confidence >= "
                + String.format(Locale.ROOT, "%.2f", minConfidence) + ")";
        g.drawString(rest, x, mid + fm.getAscent() / 2 - 1);
    }

    /**
     * The five YOLO loss terms and their total against the epoch: the training set solid, the
     * test set (if given) dashed in the same colour, one legend entry per term. The y axis is
     * logarithmic when the largest positive value exceeds {@link #LOG_SPAN} times the smallest;
     * on it, terms that are 0 are gaps.
     *
     * @param epochs the epoch of each entry, as many as {@code train}
     * @param train the terms on the training set after each epoch (each weighted by its λ and
     *     averaged over the images, as {@link YoloLossTerms} holds them)
     * @param test the terms on the test set, one per epoch (null where it was not evaluated,
     *     drawn as a gap), or null for none
     * @return the chart
     * @throws IllegalArgumentException if {@code epochs} or {@code train} is null or empty,
     *     {@code train} holds null, or the lengths differ
     */
    public static JFreeChart lossTerms(int[] epochs, List<YoloLossTerms> train,
            List<YoloLossTerms> test) {
        if (epochs == null || train == null) {
            throw new IllegalArgumentException("epochs and train must not be null");
        }
        if (epochs.length == 0) {
            throw new IllegalArgumentException("epochs must not be empty");
        }
        if (train.size() != epochs.length) {
            throw new IllegalArgumentException("train must hold one entry per epoch, got "
                    + train.size() + " entries for " + epochs.length + " epochs");
        }
        if (test != null && test.size() != epochs.length) {
            throw new IllegalArgumentException("test must hold one entry per epoch, got "
                    + test.size() + " entries for " + epochs.length + " epochs");
        }
        requireNoNull("train", train);
        double[] xs = new double[epochs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = epochs[i];
        }
        double[][] trainValues = values(train);
        double[][] testValues = test == null ? null : values(test);
        boolean log = testValues == null ? spansDecades(trainValues)
                : spansDecades(trainValues, testValues);
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int series = 0;
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                10f, new float[] {7f, 5f}, 0f);
        for (int j = 0; j < TERM_NAMES.length; j++) {
            Color colour = j == 0 ? Color.BLACK : Charts.colour(j - 1);
            data.addSeries(TERM_NAMES[j] + (test == null ? "" : " (train)"),
                    new double[][] {xs, shown(trainValues[j], log)});
            renderer.setSeriesPaint(series, colour);
            renderer.setSeriesStroke(series, Charts.stroke(2f));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            series++;
            if (testValues != null) {
                data.addSeries(TERM_NAMES[j] + " (test)",
                        new double[][] {xs, shown(testValues[j], log)});
                renderer.setSeriesPaint(series, colour);
                renderer.setSeriesStroke(series, dashed);
                renderer.setSeriesShape(series, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
                renderer.setSeriesShapesFilled(series, false);
                renderer.setSeriesVisibleInLegend(series, false);
                series++;
            }
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        ValueAxis y;
        String yLabel = "loss term (λ-weighted, mean over the images)";
        if (log) {
            LogAxis axis = new LogAxis(yLabel + ", log scale");
            axis.setBase(10);
            axis.setSmallestValue(1e-300);
            axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
            y = axis;
        } else {
            NumberAxis axis = new NumberAxis(yLabel);
            axis.setAutoRangeIncludesZero(true);
            y = axis;
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("YOLO loss terms over training",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return Charts.style(chart, test == null ? "on the training set, after each epoch"
                : "solid: training set, dashed: test set; after each epoch");
    }

    private static void requireNoNull(String name, List<YoloLossTerms> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) == null) {
                throw new IllegalArgumentException(name + " entry " + i + " must not be null");
            }
        }
    }

    /** Rows: total, xy, wh, conf obj, conf noobj, class; columns: the epochs. */
    private static double[][] values(List<YoloLossTerms> terms) {
        double[][] v = new double[TERM_NAMES.length][terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            YoloLossTerms t = terms.get(i);
            if (t == null) { // not evaluated at this epoch: a gap
                for (double[] row : v) {
                    row[i] = Double.NaN;
                }
                continue;
            }
            v[0][i] = t.total();
            v[1][i] = t.xy();
            v[2][i] = t.wh();
            v[3][i] = t.confObj();
            v[4][i] = t.confNoobj();
            v[5][i] = t.cls();
        }
        return v;
    }

    /** Whether the largest positive finite value exceeds {@code LOG_SPAN} times the least. */
    private static boolean spansDecades(double[][]... sets) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double[][] values : sets) {
            for (double[] row : values) {
                for (double v : row) {
                    if (v > 0 && Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return hi > LOG_SPAN * lo;
    }

    /** Whether a list holds null (without {@code contains(null)}, which some lists refuse). */
    private static boolean hasNull(List<?> list) {
        for (Object o : list) {
            if (o == null) {
                return true;
            }
        }
        return false;
    }

    private static double[] shown(double[] ys, boolean log) {
        double[] out = ys.clone();
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i]) || log && !(out[i] > 0)) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /**
     * Precision against recall for each class: after each ranked detection (thin), and the
     * all-point interpolated envelope (thick, see {@link #envelope}), whose area is the AP
     * named in the legend ({@code "car: AP 0.912 (41 objects)"}). A class without ground truth
     * has no curve ({@code "AP n/a"}); the mAP is in the subtitle.
     *
     * @param result the evaluation, as {@link AveragePrecision#evaluate} returns it
     * @param classNames the name of each class index
     * @return the chart
     * @throws IllegalArgumentException if an argument is null, a class has no name, or a
     *     curve's recall and precision differ in length
     */
    public static JFreeChart precisionRecall(AveragePrecision.Result result,
            List<String> classNames) {
        if (result == null || result.perClass() == null) {
            throw new IllegalArgumentException("result and its curves must not be null");
        }
        checkNames(classNames);
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        for (AveragePrecision.ClassCurve curve : result.perClass()) {
            if (curve == null) {
                throw new IllegalArgumentException("result must not hold a null curve");
            }
            int c = curve.classId();
            if (c < 0 || c >= classNames.size()) {
                throw new IllegalArgumentException("class " + c + " has no name in classNames ("
                        + classNames.size() + " names)");
            }
            double[][] env = envelope(curve.recall(), curve.precision());
            boolean drawn = curve.truths() > 0;
            String label = classNames.get(c) + ": AP " + (Double.isNaN(curve.ap()) ? "n/a"
                    : String.format(Locale.ROOT, "%.3f", curve.ap())) + " (" + curve.truths()
                    + (curve.truths() == 1 ? " object" : " objects")
                    + (drawn && curve.recall().length == 0 ? ", no detections" : "") + ")";
            data.addSeries(label, drawn ? env : new double[2][0]);
            renderer.setSeriesPaint(series, classColour(c));
            renderer.setSeriesStroke(series, Charts.stroke(2.5f));
            series++;
            data.addSeries(classNames.get(c) + " (raw)", drawn
                    ? new double[][] {curve.recall().clone(), curve.precision().clone()}
                    : new double[2][0]);
            Color k = classColour(c);
            renderer.setSeriesPaint(series, new Color(k.getRed(), k.getGreen(), k.getBlue(), 130));
            renderer.setSeriesStroke(series, Charts.stroke(1f));
            renderer.setSeriesVisibleInLegend(series, false);
            series++;
        }
        NumberAxis x = new NumberAxis("recall");
        x.setRange(0, 1.0);
        NumberAxis y = new NumberAxis("precision");
        y.setRange(0, 1.05);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart("Precision–recall per class",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        String map = Double.isNaN(result.map()) ? "n/a"
                : String.format(Locale.ROOT, "%.3f", result.map());
        return Charts.style(chart, "mAP " + map + " (VOC all-point interpolation); thick: the"
                + " interpolated precision whose area is the AP, thin: after each detection");
    }

    /**
     * The all-point interpolated precision as a staircase: height
     * {@code p̂_k = max_{j ≥ k} p_j} over recall {@code (r_{k−1}, r_k]}, {@code r_0 = 0}, so
     * that the area under it is {@link AveragePrecision#allPointArea}. Points
     * {@code (0, p̂_1), (r_1, p̂_1), (r_1, p̂_2), (r_2, p̂_2), …, (r_n, p̂_n)}.
     *
     * @param recall the recall after each ranked detection, non-decreasing
     * @param precision the precision after each
     * @return {@code {xs, ys}}, {@code 2n} points (none for {@code n = 0})
     * @throws IllegalArgumentException if an array is null or the lengths differ
     */
    public static double[][] envelope(double[] recall, double[] precision) {
        if (recall == null || precision == null || recall.length != precision.length) {
            throw new IllegalArgumentException("recall and precision must be arrays of one "
                    + "length, got " + (recall == null ? "null" : recall.length) + " and "
                    + (precision == null ? "null" : precision.length));
        }
        int n = recall.length;
        double[] hat = new double[n];
        double running = Double.NEGATIVE_INFINITY;
        for (int k = n - 1; k >= 0; k--) {
            running = Math.max(running, precision[k]);
            hat[k] = running;
        }
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        double previous = 0;
        for (int k = 0; k < n; k++) {
            xs[2 * k] = previous;
            ys[2 * k] = hat[k];
            xs[2 * k + 1] = recall[k];
            ys[2 * k + 1] = hat[k];
            previous = recall[k];
        }
        return new double[][] {xs, ys};
    }

    /**
     * Writes a training run's three pictures into {@code dir}: its first test scenes with their
     * detections, the five loss terms of each epoch (train solid, test dashed) and the test
     * set's precision–recall curves, as {@link #write(Path, List, List, List, int[], List, List,
     * AveragePrecision.Result)}.
     *
     * @param dir the folder
     * @param run the run
     * @return the three files, in that order
     * @throws IllegalArgumentException if {@code run} is null or its parts are refused
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path dir, DetectionRun run) throws IOException {
        if (run == null) {
            throw new IllegalArgumentException("run must not be null");
        }
        int[] epochs = run.epochs().stream().mapToInt(EpochRecord::epoch).toArray();
        List<YoloLossTerms> train = run.epochs().stream().map(EpochRecord::trainTerms).toList();
        List<YoloLossTerms> test = run.epochs().stream().map(EpochRecord::testTerms).toList();
        return write(dir, run.testScenes(), run.testDetections(), CLASS_NAMES, epochs, train,
                test, run.test());
    }

    /**
     * Writes the three pictures into {@code dir} (created if needed) as {@link #DETECTIONS}
     * (the first {@code COLUMNS²} scenes, {@link #COLUMNS} a row, scale {@link #SCALE},
     * confidence at least {@link #MIN_CONFIDENCE}), {@link #LOSS_TERMS} and {@link #PR_CURVES}
     * ({@link #CHART_WIDTH} × {@link #CHART_HEIGHT}).
     *
     * @param dir the folder
     * @param scenes the test scenes
     * @param detections their detections, in the same order
     * @param classNames the name of each class index
     * @param epochs the epochs of the loss terms
     * @param train the training set's terms, one per epoch
     * @param test the test set's terms, one per epoch, or null
     * @param result the test set's evaluation
     * @return the three files, in that order
     * @throws IllegalArgumentException if an input is refused by the picture that draws it
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path dir, List<Scene> scenes,
            List<List<Detection>> detections, List<String> classNames, int[] epochs,
            List<YoloLossTerms> train, List<YoloLossTerms> test, AveragePrecision.Result result)
            throws IOException {
        if (dir == null) {
            throw new IllegalArgumentException("dir must not be null");
        }
        checkScenes(scenes, detections, classNames);
        int shown = Math.min(scenes.size(), COLUMNS * COLUMNS);
        BufferedImage grid = detectionGrid(scenes.subList(0, shown),
                detections.subList(0, shown), classNames, COLUMNS, SCALE, MIN_CONFIDENCE);
        JFreeChart terms = lossTerms(epochs, train, test);
        JFreeChart pr = precisionRecall(result, classNames);
        Files.createDirectories(dir);
        Path a = dir.resolve(DETECTIONS);
        if (!ImageIO.write(grid, "png", a.toFile())) {
            throw new IOException("no PNG writer for " + a);
        }
        Path b = Charts.writePng(terms, dir.resolve(LOSS_TERMS), CHART_WIDTH, CHART_HEIGHT);
        Path c = Charts.writePng(pr, dir.resolve(PR_CURVES), CHART_WIDTH, CHART_HEIGHT);
        return List.of(a, b, c);
    }

    private static void checkNames(List<String> classNames) {
        if (classNames == null || classNames.isEmpty() || hasNull(classNames)) {
            throw new IllegalArgumentException("classNames must not be null, empty or hold null,"
                    + " got " + classNames);
        }
    }

    private static void checkScenes(List<Scene> scenes, List<List<Detection>> detections,
            List<String> classNames) {
        if (scenes == null || scenes.isEmpty()) {
            throw new IllegalArgumentException("scenes must not be null or empty");
        }
        if (detections == null) {
            throw new IllegalArgumentException("detections must not be null");
        }
        if (scenes.size() != detections.size()) {
            throw new IllegalArgumentException("scenes and detections must cover the same images,"
                    + " got " + scenes.size() + " scenes and " + detections.size()
                    + " detection lists");
        }
        checkNames(classNames);
        int names = classNames.size();
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            if (s == null) {
                throw new IllegalArgumentException("scene " + i + " must not be null");
            }
            if (s.size() != scenes.get(0).size()) {
                throw new IllegalArgumentException("scenes must be one size, got "
                        + scenes.get(0).size() + " for scene 0 and " + s.size() + " for scene "
                        + i);
            }
            for (GroundTruthBox b : s.objects()) {
                if (b.classId() >= names) {
                    throw new IllegalArgumentException("scene " + i + ": ground truth class "
                            + b.classId() + " has no name in classNames (" + names + " names)");
                }
            }
            List<Detection> d = detections.get(i);
            if (d == null || hasNull(d)) {
                throw new IllegalArgumentException("detections of scene " + i
                        + " must not be null or hold null");
            }
            for (Detection x : d) {
                if (x.classId() >= names) {
                    throw new IllegalArgumentException("scene " + i + ": detection class "
                            + x.classId() + " has no name in classNames (" + names + " names)");
                }
            }
        }
    }
}
