package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.optim.core.Reduction;
import dev.optim.losses.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The graph form of the loss against {@link YoloLoss} itself: the five terms, the total and the
 * gradient, to 1e-12 relative in float64, on every case of the PyTorch fixture (empty images,
 * several candidate boxes, negative widths, the nearest-box rule, both size modes, both
 * confidence targets, both reductions), on tied IoUs and on random inputs.
 */
class YoloLossGraphTest {

    static Stream<Fixtures.Case> cases() {
        return Fixtures.read("yolo_loss.txt").stream();
    }

    /** Runs the graph on (p, t): the five terms, the total, then the gradient. */
    static double[][] graph(YoloLoss loss, INDArray p, INDArray t) {
        SameDiff sd = SameDiff.create();
        SDVariable pred = sd.var("pred", p.dup());
        SDVariable target = sd.placeHolder("target", p.dataType(), t.shape());
        YoloLossGraph.Terms terms = new YoloLossGraph(loss).define(sd, pred, target);
        sd.setLossVariables(terms.total());
        Map<String, INDArray> out = sd.output(Map.of("target", t), terms.xy().name(),
                terms.wh().name(), terms.confObj().name(), terms.confNoobj().name(),
                terms.cls().name(), terms.total().name());
        double[] values = {out.get(terms.xy().name()).getDouble(0),
            out.get(terms.wh().name()).getDouble(0), out.get(terms.confObj().name()).getDouble(0),
            out.get(terms.confNoobj().name()).getDouble(0), out.get(terms.cls().name()).getDouble(0),
            out.get(terms.total().name()).getDouble(0)};
        INDArray g = sd.calculateGradients(Map.of("target", t), "pred").get("pred");
        return new double[][] {values, g.reshape(g.length()).toDoubleVector()};
    }

    static void assertSame(YoloLoss loss, INDArray p, INDArray t, String label) {
        INDArray g = p.like();
        YoloLossTerms e = loss.termsAndGradient(p, t, g);
        double[][] got = graph(loss, p, t);
        double[] expected = {e.xy(), e.wh(), e.confObj(), e.confNoobj(), e.cls(), e.total()};
        String[] names = {"xy", "wh", "confObj", "confNoobj", "cls", "total"};
        for (int k = 0; k < 6; k++) {
            assertEquals(expected[k], got[0][k], 1e-12 * Math.max(1e-300, Math.abs(expected[k])),
                    label + ": " + names[k]);
        }
        double[] eg = g.reshape(g.length()).toDoubleVector();
        double scale = 0;
        for (double v : eg) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < eg.length; i++) {
            assertEquals(eg[i], got[1][i], 1e-12 * Math.max(Math.abs(eg[i]), 1e-3 * scale),
                    label + ": gradient entry " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsYoloLossOnEveryFixtureCase(Fixtures.Case c) {
        YoloLoss loss = YoloLossTorchTest.lossFor(c);
        int n = (int) c.number("images");
        INDArray p = Nd4j.create(c.doubles("pred"), loss.grid().predictionShape(n), 'c');
        INDArray t = Nd4j.create(c.doubles("target"), loss.grid().targetShape(n), 'c');
        assertSame(loss, p, t, c.toString());
    }

    /** Two predictors with the same box: equal IoUs, the lower index is responsible. */
    @Test
    void tiedIousPickTheLowerIndex() {
        YoloGrid grid = new YoloGrid(2, 3, 2);
        YoloLoss loss = YoloLoss.of(grid);
        INDArray t = new YoloTargetEncoder(grid).encode(List.of(
                List.of(new GroundTruthBox(1, 0.3, 0.3, 0.2, 0.3)), List.of()));
        double[] p = new double[(int) (2 * 2 * 2 * grid.predictionDepth())];
        for (int i = 0; i < p.length; i++) {
            p[i] = 0.1 + 0.01 * (i % 17);
        }
        // Cell (0, 0) of image 0: boxes 1 and 2 identical, box 0 far away.
        int base = 0;
        double[] same = {0.55, 0.6, 0.25, 0.3, 0.7};
        for (int k = 0; k < 5; k++) {
            p[base + 5 + k] = same[k];
            p[base + 10 + k] = same[k];
        }
        p[base] = 0.99;
        p[base + 2] = 0.01;
        INDArray pa = Nd4j.create(p, grid.predictionShape(2), 'c');
        assertSame(loss, pa, t, "tie");
        // No overlap at all: the nearest box decides.
        for (int k = 0; k < 3; k++) {
            p[base + 5 * k + 2] = -0.5; // empty boxes
        }
        assertSame(loss, Nd4j.create(p, grid.predictionShape(2), 'c'), t, "nearest");
    }

    @Property(tries = 8)
    void equalsYoloLossOnRandomInputs(@ForAll @IntRange(min = 0, max = 100_000) int seed,
            @ForAll @IntRange(min = 1, max = 3) int images, @ForAll boolean sum,
            @ForAll boolean sqrtMode, @ForAll boolean one) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        YoloGrid grid = new YoloGrid(3, 2, 3);
        YoloLoss loss = YoloLoss.builder(grid).lambdaCoord(1 + 4 * r.nextDouble())
                .lambdaNoobj(r.nextDouble())
                .sizeMode(sqrtMode ? YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT
                        : YoloLoss.SizeMode.WIDTH_HEIGHT)
                .confidenceTarget(one ? YoloLoss.ConfidenceTarget.ONE
                        : YoloLoss.ConfidenceTarget.IOU)
                .reduction(sum ? Reduction.SUM : Reduction.MEAN).build();
        java.util.List<java.util.List<GroundTruthBox>> boxes = new java.util.ArrayList<>();
        for (int i = 0; i < images; i++) {
            java.util.List<GroundTruthBox> image = new java.util.ArrayList<>();
            java.util.Set<Integer> cells = new java.util.HashSet<>();
            int count = r.nextInt(4);
            for (int k = 0; k < count; k++) {
                double w = 0.05 + 0.4 * r.nextDouble();
                double h = 0.05 + 0.4 * r.nextDouble();
                double cx = w / 2 + (1 - w) * r.nextDouble();
                double cy = h / 2 + (1 - h) * r.nextDouble();
                int cell = Math.min((int) (cy * 3), 2) * 3 + Math.min((int) (cx * 3), 2);
                if (cells.add(cell)) {
                    image.add(new GroundTruthBox(r.nextInt(3), cx, cy, w, h));
                }
            }
            boxes.add(image);
        }
        INDArray t = new YoloTargetEncoder(grid).encode(boxes);
        double[] p = new double[(int) (images * 9L * grid.predictionDepth())];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble() * 1.2 - 0.1; // some negative sizes, some beyond the cell
        }
        assertSame(loss, Nd4j.create(p, grid.predictionShape(images), 'c'), t, "seed " + seed);
    }

    @Test
    void refusesShapesThatDoNotFitTheGrid() {
        YoloGrid grid = new YoloGrid(2, 1, 2); // S = 2, B = 1, C = 2: depths 7 and 7
        YoloLossGraph g = new YoloLossGraph(YoloLoss.of(grid));
        SameDiff sd = SameDiff.create();
        SDVariable t = sd.placeHolder("t", DataType.DOUBLE, -1, 2, 2, 7);
        // One box too many per cell (B = 2 would need 2·5 + 2 = 12), one class too many.
        assertRefused("predictions must have shape [N, 2, 2, 7] (S = 2, B·5 + C = 1·5 + 2), "
                + "got [-1, 2, 2, 12]", () -> g.define(sd,
                        sd.placeHolder("p12", DataType.DOUBLE, -1, 2, 2, 12), t));
        assertRefused("predictions must have shape [N, 2, 2, 7] (S = 2, B·5 + C = 1·5 + 2), "
                + "got [-1, 2, 2, 8]", () -> g.define(sd,
                        sd.placeHolder("p8", DataType.DOUBLE, -1, 2, 2, 8), t));
        // A 4×4 network output for a 2×2 grid.
        assertRefused("predictions must have shape [N, 2, 2, 7] (S = 2, B·5 + C = 1·5 + 2), "
                + "got [3, 4, 4, 7]", () -> g.define(sd,
                        sd.var("v44", Nd4j.zeros(DataType.DOUBLE, 3, 4, 4, 7)), t));
        // A flat output, rank 2.
        assertRefused("predictions must have shape [N, 2, 2, 7] (S = 2, B·5 + C = 1·5 + 2), "
                + "got [-1, 28]", () -> g.define(sd,
                        sd.placeHolder("flat", DataType.DOUBLE, -1, 28), t));
        // Targets encoded for another grid or class count.
        SDVariable p = sd.placeHolder("p", DataType.DOUBLE, -1, 2, 2, 7);
        assertRefused("targets must have shape [N, 2, 2, 7] (S = 2, 5 + C = 5 + 2), "
                + "got [-1, 3, 3, 7]", () -> g.define(sd, p,
                        sd.placeHolder("t33", DataType.DOUBLE, -1, 3, 3, 7)));
        assertRefused("targets must have shape [N, 2, 2, 7] (S = 2, 5 + C = 5 + 2), "
                + "got [-1, 2, 2, 8]", () -> g.define(sd, p,
                        sd.placeHolder("t8", DataType.DOUBLE, -1, 2, 2, 8)));
        assertThrows(IllegalArgumentException.class, () -> new YoloLossGraph(null));
    }

    @Test
    void refusesDifferentImageCountsAndDataTypes() {
        YoloGrid grid = new YoloGrid(2, 1, 2);
        YoloLossGraph g = new YoloLossGraph(YoloLoss.of(grid));
        SameDiff sd = SameDiff.create();
        assertRefused("predictions and targets must hold the same number of images N, got 3 "
                + "and 2 (shapes [3, 2, 2, 7] and [2, 2, 2, 7])", () -> g.define(sd,
                        sd.var("p3", Nd4j.zeros(DataType.DOUBLE, 3, 2, 2, 7)),
                        sd.placeHolder("t2", DataType.DOUBLE, 2, 2, 2, 7)));
        assertRefused("targets must have the data type of the predictions, DOUBLE, got FLOAT",
                () -> g.define(sd, sd.placeHolder("pd", DataType.DOUBLE, -1, 2, 2, 7),
                        sd.placeHolder("tf", DataType.FLOAT, -1, 2, 2, 7)));
        assertRefused("predictions must be FLOAT or DOUBLE, got INT",
                () -> g.define(sd, sd.placeHolder("pi", DataType.INT, -1, 2, 2, 7),
                        sd.placeHolder("ti", DataType.INT, -1, 2, 2, 7)));
    }

    @Test
    void unknownDimensionsAndShapesPass() {
        YoloGrid grid = new YoloGrid(2, 1, 2);
        YoloLossGraph g = new YoloLossGraph(YoloLoss.of(grid));
        SameDiff sd = SameDiff.create();
        // A batch of -1 against a known batch, and an op's output (shape known only at run time).
        SDVariable input = sd.placeHolder("in", DataType.DOUBLE, -1, 2, 2, 7);
        SDVariable out = sd.nn.sigmoid(input);
        assertEquals(null, out.getShape());
        SDVariable t = sd.placeHolder("t", DataType.DOUBLE, 4, 2, 2, 7);
        YoloLossGraph.Terms terms = g.define(sd, out, t);
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 4, 2, 2, 7);
        INDArray p = org.nd4j.linalg.ops.transforms.Transforms.sigmoid(x, true); // the same values on the host: all 0.5
        INDArray target = Nd4j.zeros(DataType.DOUBLE, 4, 2, 2, 7);
        double graph = sd.output(Map.of("in", x, "t", target), terms.total().name())
                .get(terms.total().name()).getDouble(0);
        assertEquals(YoloLoss.of(grid).value(p, target), graph, 1e-15);
    }

    private static void assertRefused(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
