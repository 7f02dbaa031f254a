package dev.optim.examples.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.losses.yolo.AveragePrecision;
import dev.optim.losses.yolo.Detection;
import dev.optim.losses.yolo.GroundTruthBox;
import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloLossTerms;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class DetectionPicturesTest {

    private static final List<String> NAMES = DetectionPictures.CLASS_NAMES;

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** A 16×16 scene of uniform grey 0.5 with the given objects. */
    private static Scene grey(GroundTruthBox... objects) {
        float[] px = new float[3 * 16 * 16];
        Arrays.fill(px, 0.5f);
        return new Scene(16, 3, px, List.of(objects));
    }

    private static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    @Test
    void theClassNamesFollowTheSyntheticScenesIndices() {
        assertEquals("car", NAMES.get(SyntheticScenes.CAR));
        assertEquals("pedestrian", NAMES.get(SyntheticScenes.PEDESTRIAN));
        assertEquals(SyntheticScenes.CLASSES, NAMES.size());
    }

    @Test
    void theGridHasTilesInRowsAndALegendStrip() {
        List<Scene> scenes = new ArrayList<>();
        List<List<Detection>> detections = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            scenes.add(grey());
            detections.add(List.of());
        }
        // 5 scenes of 16 px ×4 in 2 columns: 3 rows of 64-pixel tiles, 6-pixel gaps, 28 legend.
        BufferedImage img = DetectionPictures.detectionGrid(scenes, detections, NAMES, 2, 4, 0.5);
        assertEquals(2 * 64 + 3 * 6, img.getWidth());
        assertEquals(3 * 64 + 4 * 6 + 28, img.getHeight());
        assertEquals(0xF4F4F4, rgb(img, 0, 0), "the gap");
        assertEquals(0x808080, rgb(img, 6, 6), "tile 0's first pixel");
        assertEquals(0x808080, rgb(img, 6 + 64 + 6 + 63, 6 + 70 + 63), "tile 3's last");
        assertEquals(0x808080, rgb(img, 6 + 63, 6 + 2 * 70 + 63), "tile 4's last");
        assertEquals(0xF4F4F4, rgb(img, 6 + 64, 6 + 2 * 70 + 10), "the gap after tile 4");
        assertEquals(0xF4F4F4, rgb(img, 6 + 64 + 6 + 10, 6 + 2 * 70 + 10), "no sixth scene");
        // More columns than scenes: one row of all of them.
        BufferedImage one = DetectionPictures.detectionGrid(scenes.subList(0, 2),
                detections.subList(0, 2), NAMES, 4, 1, 0.5);
        assertEquals(2 * 16 + 3 * 6, one.getWidth());
        assertEquals(16 + 2 * 6 + 28, one.getHeight());
    }

    @Test
    void boxesLandOnTheirPixelsInTheTile() {
        // Truth dashed white/black at columns [45, 58) of the 64-px tile; a pedestrian drawn at
        // columns [6, 32), rows [6, 32) (confidence 0.9); a car of confidence 0.2 not drawn.
        Scene s = grey(new GroundTruthBox(SyntheticScenes.CAR, 0.8, 0.8, 0.2, 0.2));
        Detection person = new Detection(SyntheticScenes.PEDESTRIAN, 0.9, 0.3, 0.3, 0.4, 0.4);
        Detection unsure = new Detection(SyntheticScenes.CAR, 0.2, 0.5, 0.85, 0.3, 0.1);
        BufferedImage img = DetectionPictures.detectionGrid(List.of(s),
                List.of(List.of(person, unsure)), NAMES, 4, 4, 0.5);
        int t = DetectionPictures.GAP; // the tile's corner
        int blue = DetectionPictures.classColour(SyntheticScenes.PEDESTRIAN).getRGB() & 0xFFFFFF;
        for (int y = 22; y <= 31; y++) { // below the label, which sits inside the box's top
            assertEquals(blue, rgb(img, t + 6, t + y), "left border, row " + y);
            assertEquals(blue, rgb(img, t + 7, t + y), "left border, row " + y);
            assertEquals(y >= 30 ? blue : 0x808080, rgb(img, t + 8, t + y), "row " + y);
            assertEquals(0x808080, rgb(img, t + 5, t + y), "outside, row " + y);
            assertEquals(blue, rgb(img, t + 30, t + y), "right border, row " + y);
            assertEquals(blue, rgb(img, t + 31, t + y), "right border, row " + y);
            assertEquals(0x808080, rgb(img, t + 32, t + y), "outside right, row " + y);
        }
        assertEquals(0x808080, rgb(img, t + 20, t + 32), "below the box");
        assertEquals(blue, rgb(img, t + 20, t + 31), "bottom border");
        assertEquals(blue, rgb(img, t + 20, t + 30), "bottom border, 2 px");
        assertEquals(0x808080, rgb(img, t + 20, t + 29), "inside, above the bottom");
        // The truth: rows 45–48 white, 49–52 black down its left edge (column 45).
        assertEquals(0xFFFFFF, rgb(img, t + 45, t + 47));
        assertEquals(0x000000, rgb(img, t + 45, t + 50));
        assertEquals(0x808080, rgb(img, t + 47, t + 50), "inside the truth");
        // The unsure car's left edge (column 22, rows 51–57) stays grey.
        assertEquals(0x808080, rgb(img, t + 22, t + 54));
        // With a lower threshold it is drawn in the car's colour.
        BufferedImage all = DetectionPictures.detectionGrid(List.of(s),
                List.of(List.of(person, unsure)), NAMES, 4, 4, 0.1);
        assertEquals(DetectionPictures.classColour(SyntheticScenes.CAR).getRGB() & 0xFFFFFF,
                rgb(all, t + 22, t + 56));
    }

    @Test
    void theLossChartHasFiveTermsAndTheTotalSolidForTrainingDashedForTest() {
        int[] epochs = {1, 2, 3};
        List<YoloLossTerms> train = List.of(new YoloLossTerms(1, 2, 3, 4, 5),
                new YoloLossTerms(0.5, 1, 1.5, 0.02, 0.1), new YoloLossTerms(0.1, 0.2, 0.3, 0, 0.05));
        List<YoloLossTerms> test = List.of(new YoloLossTerms(1.1, 2, 3, 4, 5),
                new YoloLossTerms(0.6, 1, 1.5, 0.03, 0.2), new YoloLossTerms(0.2, 0.3, 0.4, 0.01, 0.1));
        JFreeChart c = DetectionPictures.lossTerms(epochs, train, test);
        XYPlot plot = c.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(12, data.getSeriesCount());
        assertEquals("total (train)", data.getSeriesKey(0));
        assertEquals("total (test)", data.getSeriesKey(1));
        assertEquals("confidence (no object) (train)", data.getSeriesKey(8));
        assertEquals(15.0, data.getYValue(0, 0), 0.0);
        assertEquals(0.5 + 1 + 1.5 + 0.02 + 0.1, data.getYValue(0, 1), 1e-15);
        assertEquals(2.0, data.getXValue(0, 1), 0.0);
        assertEquals(0.03, data.getYValue(9, 1), 0.0);
        // Values from 0.01 to 15 span more than 20×: log axis, and the 0 a gap.
        assertInstanceOf(LogAxis.class, plot.getRangeAxis());
        assertTrue(Double.isNaN(data.getYValue(8, 2)));
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
        assertNull(((BasicStroke) r.getSeriesStroke(0)).getDashArray());
        assertNotNull(((BasicStroke) r.getSeriesStroke(1)).getDashArray());
        assertEquals(r.getSeriesPaint(0), r.getSeriesPaint(1));
        assertEquals(Color.BLACK, r.getSeriesPaint(0));
        LegendItemCollection legend = plot.getLegendItems();
        assertEquals(6, legend.getItemCount(), "one entry per term");
        assertTrue(((TextTitle) c.getSubtitle(1)).getText().contains("dashed: test set"));

        // Without test terms, and values within 20×: a linear axis, six series.
        JFreeChart flat = DetectionPictures.lossTerms(new int[] {1, 2},
                List.of(new YoloLossTerms(1, 1, 1, 1, 1), new YoloLossTerms(2, 2, 2, 2, 2)), null);
        assertEquals(6, flat.getXYPlot().getDataset().getSeriesCount());
        assertEquals("xy (centres)", flat.getXYPlot().getDataset().getSeriesKey(1));
        assertInstanceOf(NumberAxis.class, flat.getXYPlot().getRangeAxis());

        // Test terms evaluated at some epochs only: gaps elsewhere.
        List<YoloLossTerms> sparse = new ArrayList<>(Arrays.asList(null, null, test.get(2)));
        XYDataset gaps = DetectionPictures.lossTerms(epochs, train, sparse).getXYPlot()
                .getDataset();
        assertTrue(Double.isNaN(gaps.getYValue(1, 0)));
        assertTrue(Double.isNaN(gaps.getYValue(1, 1)));
        assertEquals(0.2 + 0.3 + 0.4 + 0.01 + 0.1, gaps.getYValue(1, 2), 1e-15);
        List<YoloLossTerms> trainWithNull = new ArrayList<>(Arrays.asList(null, null,
                train.get(2)));
        assertRefused("train entry 0 must not be null",
                () -> DetectionPictures.lossTerms(epochs, trainWithNull, null));
    }

    @Test
    void thePrChartDrawsEachClassEnvelopeWithItsApInTheLegend() {
        // Cars: 2 truths; detections TP, FP, TP: recall 0.5, 0.5, 1; precision 1, 1/2, 2/3.
        // AP = 0.5·1 + 0·(2/3) + 0.5·(2/3) = 5/6. Pedestrians: 2 truths, no detection: AP 0.
        var car = new AveragePrecision.ClassCurve(0, 2, new double[] {0.5, 0.5, 1.0},
                new double[] {1, 0.5, 2.0 / 3}, 5.0 / 6);
        var person = new AveragePrecision.ClassCurve(1, 2, new double[0], new double[0], 0);
        var result = new AveragePrecision.Result(5.0 / 12, List.of(car, person));
        JFreeChart c = DetectionPictures.precisionRecall(result, NAMES);
        XYDataset data = c.getXYPlot().getDataset();
        assertEquals("car: AP 0.833 (2 objects)", data.getSeriesKey(0));
        assertEquals("pedestrian: AP 0.000 (2 objects, no detections)", data.getSeriesKey(2));
        double[] xs = new double[data.getItemCount(0)];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = data.getXValue(0, i);
            ys[i] = data.getYValue(0, i);
        }
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0.5, 0.5, 1.0}, xs, 0.0);
        assertArrayEquals(new double[] {1, 1, 2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3}, ys, 1e-15);
        assertEquals(3, data.getItemCount(1), "the raw curve");
        assertEquals(0, data.getItemCount(2));
        assertEquals(2, c.getXYPlot().getLegendItems().getItemCount());
        assertTrue(((TextTitle) c.getSubtitle(1)).getText().startsWith("mAP 0.417"));
        assertEquals(DetectionPictures.classColour(1),
                c.getXYPlot().getRenderer().getSeriesPaint(2));
    }

    @Test
    void theEnvelopeEnclosesExactlyTheAveragePrecision() {
        SplittableRandom random = new SplittableRandom(15);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(30);
            int truths = 1 + random.nextInt(10);
            double[] recall = new double[n];
            double[] precision = new double[n];
            int tp = 0;
            for (int k = 0; k < n; k++) {
                if (tp < truths && random.nextBoolean()) {
                    tp++;
                }
                recall[k] = (double) tp / truths;
                precision[k] = (double) tp / (k + 1);
            }
            double[][] env = DetectionPictures.envelope(recall, precision);
            double area = 0;
            for (int i = 1; i < env[0].length; i++) {
                area += (env[0][i] - env[0][i - 1]) * (env[1][i] + env[1][i - 1]) / 2;
            }
            assertEquals(AveragePrecision.allPointArea(recall, precision), area, 1e-12,
                    "trial " + trial);
            for (int i = 1; i < env[1].length; i++) {
                assertTrue(env[1][i] <= env[1][i - 1], "the envelope never rises");
            }
        }
    }

    @Test
    void writePutsThreePngsOfTheDocumentedSizesInTheFolder() throws Exception {
        SyntheticScenes gen = new SyntheticScenes(64, 4, 4, 0.1, 3);
        List<Scene> scenes = gen.scenes(0, 20);
        SplittableRandom random = new SplittableRandom(5);
        List<List<Detection>> detections = new ArrayList<>();
        List<List<GroundTruthBox>> truths = new ArrayList<>();
        for (Scene s : scenes) {
            List<Detection> d = new ArrayList<>();
            for (GroundTruthBox b : s.objects()) {
                d.add(new Detection(b.classId(), random.nextDouble(), b.cx() + 0.02, b.cy(),
                        b.w() * 0.9, b.h() * 1.1));
            }
            detections.add(d);
            truths.add(s.objects());
        }
        var result = AveragePrecision.evaluate(truths, detections, 2, 0.5);
        List<Path> files = DetectionPictures.write(dir.resolve("pics"), scenes, detections, NAMES,
                new int[] {1, 2}, List.of(new YoloLossTerms(1, 2, 3, 4, 5),
                        new YoloLossTerms(0.5, 1, 1.5, 2, 2.5)), null, result);
        assertEquals(List.of(dir.resolve("pics/detections.png"), dir.resolve("pics/loss-terms.png"),
                dir.resolve("pics/pr-curves.png")), files);
        int[][] sizes = {{4 * 256 + 5 * 6, 4 * 256 + 5 * 6 + 28}, {900, 560}, {900, 560}};
        for (int i = 0; i < 3; i++) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(files.get(i)), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
                    head, files.get(i) + " is a PNG");
            BufferedImage img = ImageIO.read(files.get(i).toFile());
            assertEquals(sizes[i][0], img.getWidth(), files.get(i).toString());
            assertEquals(sizes[i][1], img.getHeight(), files.get(i).toString());
        }
    }

    private static void assertRefused(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void badInputIsRefusedNamingTheValues() {
        Scene s = grey(new GroundTruthBox(1, 0.5, 0.5, 0.2, 0.4));
        List<Detection> none = List.of();
        assertRefused("scenes and detections must cover the same images, got 2 scenes and 1 "
                + "detection lists", () -> DetectionPictures.detectionGrid(List.of(s, s),
                        List.of(none), NAMES, 4, 4, 0.5));
        assertRefused("scenes must not be null or empty", () -> DetectionPictures.detectionGrid(
                null, List.of(), NAMES, 4, 4, 0.5));
        assertRefused("detections must not be null", () -> DetectionPictures.detectionGrid(
                List.of(s), null, NAMES, 4, 4, 0.5));
        assertRefused("scene 0: ground truth class 1 has no name in classNames (1 names)",
                () -> DetectionPictures.detectionGrid(List.of(s), List.of(none), List.of("car"),
                        4, 4, 0.5));
        assertRefused("scene 1: detection class 2 has no name in classNames (2 names)",
                () -> DetectionPictures.detectionGrid(List.of(s, s), List.of(none,
                        List.of(new Detection(2, 0.9, 0.5, 0.5, 0.1, 0.1))), NAMES, 4, 4, 0.5));
        Scene big = new Scene(32, 3, new float[3 * 32 * 32], List.of());
        assertRefused("scenes must be one size, got 16 for scene 0 and 32 for scene 1",
                () -> DetectionPictures.detectionGrid(List.of(s, big), List.of(none, none), NAMES,
                        4, 4, 0.5));
        assertRefused("columns must be >= 1, got 0", () -> DetectionPictures.detectionGrid(
                List.of(s), List.of(none), NAMES, 0, 4, 0.5));
        assertRefused("scale must be in [1, 64], got 65", () -> DetectionPictures.detectionGrid(
                List.of(s), List.of(none), NAMES, 4, 65, 0.5));
        assertRefused("minConfidence must be finite, got NaN", () -> DetectionPictures
                .detectionGrid(List.of(s), List.of(none), NAMES, 4, 4, Double.NaN));
        List<Detection> withNull = new ArrayList<>();
        withNull.add(null);
        assertRefused("detections of scene 0 must not be null or hold null",
                () -> DetectionPictures.detectionGrid(List.of(s), List.of(withNull), NAMES, 4, 4,
                        0.5));

        List<YoloLossTerms> two = List.of(new YoloLossTerms(1, 1, 1, 1, 1),
                new YoloLossTerms(1, 1, 1, 1, 1));
        assertRefused("train must hold one entry per epoch, got 2 entries for 3 epochs",
                () -> DetectionPictures.lossTerms(new int[] {1, 2, 3}, two, null));
        assertRefused("test must hold one entry per epoch, got 1 entries for 2 epochs",
                () -> DetectionPictures.lossTerms(new int[] {1, 2}, two, two.subList(0, 1)));
        assertRefused("epochs must not be empty",
                () -> DetectionPictures.lossTerms(new int[0], List.of(), null));
        assertRefused("epochs and train must not be null",
                () -> DetectionPictures.lossTerms(null, two, null));

        var curve = new AveragePrecision.ClassCurve(2, 1, new double[] {1}, new double[] {1}, 1);
        assertRefused("class 2 has no name in classNames (2 names)",
                () -> DetectionPictures.precisionRecall(
                        new AveragePrecision.Result(1, List.of(curve)), NAMES));
        assertRefused("result and its curves must not be null",
                () -> DetectionPictures.precisionRecall(null, NAMES));
        assertRefused("recall and precision must be arrays of one length, got 2 and 1",
                () -> DetectionPictures.envelope(new double[2], new double[1]));
        assertRefused("dir must not be null", () -> DetectionPictures.write(null, List.of(s),
                List.of(none), NAMES, new int[] {1}, two.subList(0, 1), null,
                new AveragePrecision.Result(Double.NaN, List.of())));
        assertFalse(Files.exists(dir.resolve("never")));
    }
}
