package dev.optim.losses.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optim.core.Reduction;
import dev.optim.losses.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Against an independent PyTorch implementation of the loss (tools/fixtures/gen_loss_fixtures.py):
 * the five terms and the autograd gradient, with the IoU confidence target detached. The cases
 * cover empty images, cells with several candidate boxes, negative widths, the nearest-box rule,
 * both size modes, both confidence targets and both reductions.
 */
class YoloLossTorchTest {

    static Stream<Fixtures.Case> cases() {
        return Fixtures.read("yolo_loss.txt").stream();
    }

    static YoloLoss lossFor(Fixtures.Case c) {
        long[] g = c.longs("grid");
        double[] lambda = c.doubles("lambda");
        return YoloLoss.builder(new YoloGrid((int) g[0], (int) g[1], (int) g[2]))
                .lambdaCoord(lambda[0])
                .lambdaNoobj(lambda[1])
                .sizeMode(c.text("mode").equals("wh") ? YoloLoss.SizeMode.WIDTH_HEIGHT : YoloLoss.SizeMode.SQRT_WIDTH_HEIGHT)
                .confidenceTarget(c.text("confidence").equals("iou") ? YoloLoss.ConfidenceTarget.IOU : YoloLoss.ConfidenceTarget.ONE)
                .reduction(c.text("reduction").equals("mean") ? Reduction.MEAN : Reduction.SUM)
                .sizeFloor(c.number("floor"))
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(Fixtures.Case c) {
        YoloLoss loss = lossFor(c);
        int n = (int) c.number("images");
        INDArray p = Nd4j.create(c.doubles("pred"), loss.grid().predictionShape(n), 'c');
        INDArray t = Nd4j.create(c.doubles("target"), loss.grid().targetShape(n), 'c');
        INDArray g = p.like();
        YoloLossTerms terms = loss.termsAndGradient(p, t, g);
        double[] e = c.doubles("terms");
        double[] got = {terms.xy(), terms.wh(), terms.confObj(), terms.confNoobj(), terms.cls()};
        String[] names = {"xy", "wh", "confObj", "confNoobj", "cls"};
        for (int k = 0; k < 5; k++) {
            assertEquals(e[k], got[k], 1e-12 * Math.max(1, Math.abs(e[k])), names[k]);
        }
        assertEquals(c.number("total"), terms.total(), 1e-12 * Math.max(1, c.number("total")));
        double[] eg = c.doubles("grad");
        double[] gg = g.reshape(g.length()).toDoubleVector();
        for (int i = 0; i < eg.length; i++) {
            assertEquals(eg[i], gg[i], 1e-12 * Math.max(1, Math.abs(eg[i])), "gradient entry " + i);
        }
    }

    /** Float32 inputs, a column-major prediction array and a strided gradient view. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float32AndLayouts(Fixtures.Case c) {
        YoloLoss loss = lossFor(c);
        int n = (int) c.number("images");
        INDArray p = Nd4j.create(c.doubles("pred"), loss.grid().predictionShape(n), 'c');
        INDArray t = Nd4j.create(c.doubles("target"), loss.grid().targetShape(n), 'c');
        double total = c.number("total");
        assertEquals(total, loss.value(p.dup('f'), t.dup('f')), 1e-12 * Math.max(1, total));
        long[] wide = loss.grid().predictionShape(2 * n);
        INDArray big = Nd4j.zeros(DataType.DOUBLE, wide);
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2, 2 * n));
        loss.valueAndGradient(p, t, view);
        double[] eg = c.doubles("grad");
        double[] gg = view.dup('c').reshape(view.length()).toDoubleVector();
        for (int i = 0; i < eg.length; i++) {
            assertEquals(eg[i], gg[i], 1e-12 * Math.max(1, Math.abs(eg[i])));
        }
        INDArray pf = p.castTo(DataType.FLOAT);
        INDArray gf = pf.like();
        assertEquals(total, loss.valueAndGradient(pf, t.castTo(DataType.FLOAT), gf), 1e-4 * Math.max(1, total));
        assertEquals(DataType.FLOAT, gf.dataType());
    }
}
