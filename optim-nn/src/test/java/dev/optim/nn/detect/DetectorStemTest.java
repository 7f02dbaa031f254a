package dev.optim.nn.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.losses.yolo.Scene;
import dev.optim.losses.yolo.SyntheticScenes;
import dev.optim.losses.yolo.YoloDecoder;
import dev.optim.losses.yolo.YoloGrid;
import dev.optim.losses.yolo.YoloLoss;
import dev.optim.losses.yolo.YoloLossTerms;
import dev.optim.nn.SameDiffObjective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The cheaper stem and head options of {@link Detector}. */
class DetectorStemTest {

    private static final YoloGrid GRID = new YoloGrid(4, 2, 2);

    /**
     * Space-to-depth with b = 2 on a 4×4×3 image whose pixel (y, x, c) holds 100y + 10x + c,
     * worked by hand: output cell (i, j) lists the 2×2 patch's pixels row by row, each with
     * its three channels.
     */
    @Test
    void spaceToDepthMovesEachPatchIntoTheChannels() {
        double[] v = new double[4 * 4 * 3];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < 3; c++) {
                    v[(y * 4 + x) * 3 + c] = 100 * y + 10 * x + c;
                }
            }
        }
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.DOUBLE, -1, 4, 4, 3);
        SDVariable out = Detector.spaceToDepth(sd, in, 4, 3, 2);
        INDArray got = sd.output(Map.of("in", Nd4j.create(v, new long[] {1, 4, 4, 3}, 'c')),
                out.name()).get(out.name());
        assertArrayEquals(new long[] {1, 2, 2, 12}, got.shape());
        assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112},
                got.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()).toDoubleVector());
        assertArrayEquals(new double[] {220, 221, 222, 230, 231, 232, 320, 321, 322, 330, 331,
            332}, got.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).toDoubleVector());
        assertArrayEquals(new double[] {200, 201, 202, 210, 211, 212, 300, 301, 302, 310, 311,
            312}, got.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(1),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).toDoubleVector());
    }

    /** Every pixel lands exactly once: the stem is a permutation of the values. */
    @Test
    void spaceToDepthIsAPermutation() {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.DOUBLE, -1, 16, 16, 3);
        SDVariable out = Detector.spaceToDepth(sd, in, 16, 3, 4);
        double[] v = new double[2 * 16 * 16 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        INDArray x = Nd4j.create(v, new long[] {2, 16, 16, 3}, 'c');
        INDArray got = sd.output(Map.of("in", x), out.name()).get(out.name());
        assertArrayEquals(new long[] {2, 4, 4, 48}, got.shape());
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    for (int dy = 0; dy < 4; dy++) {
                        for (int dx = 0; dx < 4; dx++) {
                            for (int c = 0; c < 3; c++) {
                                assertEquals(x.getDouble(n, 4 * i + dy, 4 * j + dx, c),
                                        got.getDouble(n, i, j, (dy * 4 + dx) * 3 + c));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void theFastLayoutHasTheGridsShapeAndThePriorsBias() {
        Detector det = Detector.builder(GRID, 64).spaceToDepth(4)
                .downsampling(Detector.Downsampling.STRIDED).channels(8, 16).gridLayers(16)
                .confidencePrior(0.05).seed(2).build();
        List<Scene> scenes = new SyntheticScenes(64, 3, 4, 0.1, 1).scenes(0, 3);
        INDArray out = det.predict(det.images(scenes));
        assertArrayEquals(new long[] {3, 4, 4, 12}, out.shape());
        double logit = Math.log(0.05 / 0.95);
        assertArrayEquals(new double[] {0, 0, 0, 0, logit, 0, 0, 0, 0, logit, 0, 0},
                det.graph().getVariable("bOut").getArr().toDoubleVector(), 1e-6);
        assertTrue(det.toString().contains("spaceToDepth=4"), det.toString());
        // The default keeps the head's biases at 0 (σ = 1/2).
        Detector plain = Detector.builder(GRID, 32).channels(4, 4, 4).build();
        assertEquals(0.0, plain.graph().getVariable("bOut").getArr().norm1Number().doubleValue());
    }

    /**
     * The gradient of a small float64 detector with every option on (space-to-depth, strided
     * blocks, a grid layer, a confidence prior), every fourth parameter (every variable is hit)
     * against central differences.
     * The loss's confidence target is 1 here: with the paper's IoU target, which the graph holds
     * constant (as {@code YoloLoss} does), the gradient is by design not the derivative of the
     * loss's value, and differences would disagree by a few percent.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        YoloGrid grid = new YoloGrid(2, 2, 2);
        Detector det = Detector.builder(grid, 16).spaceToDepth(2)
                .downsampling(Detector.Downsampling.STRIDED).channels(3, 4).gridLayers(4)
                .confidencePrior(0.2).dataType(DataType.DOUBLE).seed(5)
                .loss(YoloLoss.builder(grid).confidenceTarget(YoloLoss.ConfidenceTarget.ONE)
                        .build()).build();
        List<Scene> scenes = new SyntheticScenes(16, 3, 2, 0.1, 3).scenes(0, 4);
        SameDiffObjective f = det.objective(scenes);
        INDArray theta = f.parameters();
        INDArray grad = theta.like();
        f.evaluate(theta, grad);
        double h = 1e-6;
        int nonZero = 0;
        int checked = 0;
        for (long i = 0; i < theta.length(); i += 4) {
            checked++;
            double x = theta.getDouble(i);
            theta.putScalar(i, x + h);
            double up = f.value(theta);
            theta.putScalar(i, x - h);
            double down = f.value(theta);
            theta.putScalar(i, x);
            double numeric = (up - down) / (2 * h);
            double analytic = grad.getDouble(i);
            assertEquals(numeric, analytic, 1e-7 + 1e-5 * Math.abs(numeric), "parameter " + i);
            nonZero += Math.abs(analytic) > 1e-6 ? 1 : 0;
        }
        assertTrue(nonZero > checked / 2, "only " + nonZero + " of " + checked
                + " gradients are non-zero");
    }

    /** The graph's five terms over chunks equal the host loss over all scenes at once. */
    @Test
    void lossTermsAverageTheChunks() {
        YoloGrid grid = new YoloGrid(2, 2, 2);
        Detector det = Detector.builder(grid, 16).spaceToDepth(2)
                .downsampling(Detector.Downsampling.STRIDED).channels(3, 4)
                .dataType(DataType.DOUBLE).seed(1).build();
        List<Scene> scenes = new SyntheticScenes(16, 3, 2, 0.1, 9).scenes(0, Detector.CHUNK + 9);
        YoloLossTerms graph = det.lossTerms(scenes);
        YoloLossTerms host = det.loss().terms(det.predict(det.images(scenes)),
                det.targets(scenes));
        double[] g = {graph.xy(), graph.wh(), graph.confObj(), graph.confNoobj(), graph.cls()};
        double[] w = {host.xy(), host.wh(), host.confObj(), host.confNoobj(), host.cls()};
        for (int k = 0; k < 5; k++) {
            assertEquals(w[k], g[k], 1e-12 * Math.abs(w[k]) + 1e-15, "term " + k);
        }
    }

    @Test
    void refusesBadOptionsNamingTheValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Detector.builder(GRID, 64).spaceToDepth(0));
        assertTrue(e.getMessage().contains("spaceToDepth must be in [1, 16], got 0"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Detector.builder(GRID, 64).confidencePrior(1.0));
        assertTrue(e.getMessage().contains("got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Detector.builder(GRID, 64).confidencePrior(Double.NaN));
        assertTrue(e.getMessage().contains("got NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Detector.builder(GRID, 64).gridLayers(8, 0));
        assertTrue(e.getMessage().contains("gridLayers must be in [1, 4096], got 0"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Detector.builder(GRID, 64).downsampling(null));
        e = assertThrows(IllegalArgumentException.class, () -> Detector.builder(GRID, 64)
                .spaceToDepth(4).channels(8, 8, 8).build());
        assertTrue(e.getMessage().contains("size 64 must be the grid size 4 times the"
                + " space-to-depth block 4 times 2^blocks, got 3 blocks"), e.getMessage());
    }

    /** A decoder on another grid or size mode would misread the output: refused. */
    @Test
    void refusesADecoderThatDoesNotFitTheOutput() {
        Detector det = Detector.builder(GRID, 32).channels(4, 4, 4).build();
        List<Scene> scenes = new SyntheticScenes(32, 2, 4, 0.1, 1).scenes(0, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> det.detect(scenes,
                new YoloDecoder(new YoloGrid(4, 3, 2), YoloLoss.SizeMode.WIDTH_HEIGHT, 0.1, 0.5)));
        assertTrue(e.getMessage().contains("decoder's grid YoloGrid[gridSize=4, boxesPerCell=3,"
                + " classes=2] must be the detector's YoloGrid[gridSize=4, boxesPerCell=2,"
                + " classes=2]: the network's output has shape [N, 4, 4, 12]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> det.detect(scenes,
                new YoloDecoder(new YoloGrid(2, 2, 2), YoloLoss.SizeMode.WIDTH_HEIGHT, 0.1, 0.5)));
        assertTrue(e.getMessage().contains("gridSize=2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> det.detect(scenes,
                new YoloDecoder(GRID, YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT, 0.1, 0.5)));
        assertTrue(e.getMessage().contains("size mode SQRT_WIDTH_HEIGHT must be the loss's"
                + " WIDTH_HEIGHT"), e.getMessage());
        assertEquals(2, det.detect(scenes, det.decoder(0.1, 0.5)).size());
        e = assertThrows(IllegalArgumentException.class, () -> det.lossTerms(List.of()));
        assertTrue(e.getMessage().contains("scenes must not be null or empty"), e.getMessage());
    }
}
