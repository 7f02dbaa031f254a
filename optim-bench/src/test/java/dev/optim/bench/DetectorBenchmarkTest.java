package dev.optim.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The rows of {@link DetectorBenchmark} compute what they claim, on a small detector: the
 * standalone loss graph and the host loss give the same value and gradient on the network's
 * output, the forward pass with the loss gives the objective's value, and a step moves θ.
 */
class DetectorBenchmarkTest {

    private static DetectorBenchmark small() {
        DetectorBenchmark b = new DetectorBenchmark();
        b.batch = 6;
        b.imageSize = 32;
        b.gridSize = 4;
        b.boxes = 2;
        b.channels = "4, 8, 8";
        b.make();
        return b;
    }

    @Test
    void theLossGraphAndTheHostLossAgreeOnTheNetworksOutput() {
        DetectorBenchmark b = small();
        var og = b.lossGraph();
        double graph = og.getOutputs().get(b.lossOutputs.get(0)).getDouble(0);
        double host = b.lossHost();
        assertTrue(host > 0);
        assertEquals(host, graph, 1e-5 * host);
        INDArray g = og.getGradients().get("predictions");
        assertArrayEquals(b.hostGradient.shape(), g.shape());
        double scale = b.hostGradient.amaxNumber().doubleValue();
        assertTrue(scale > 0);
        double diff = Transforms.abs(g.sub(b.hostGradient)).maxNumber().doubleValue();
        assertTrue(diff <= 1e-5 * scale, "max |graph − host| " + diff + " of " + scale);
    }

    @Test
    void theRecipeIsTheNetworkThatOptimDetectTrains() {
        DetectorBenchmark b = new DetectorBenchmark();
        b.batch = 2;
        b.imageSize = 64;
        b.gridSize = 4;
        b.boxes = 2;
        b.channels = DetectorBenchmark.RECIPE;
        b.make();
        // By hand: space-to-depth 2 gives 12 channels; 3×3 convolutions 12→32, 32→64, 64→64 and
        // the grid layer 64→64, each with its biases, and the 1×1 head 64→12 with its biases.
        assertEquals((9 * 12 * 32 + 32) + (9 * 32 * 64 + 64) + 2 * (9 * 64 * 64 + 64)
                + (64 * 12 + 12), b.theta.length());
        assertArrayEquals(new long[] {2, 4, 4, 12}, b.forward().shape());
    }

    @Test
    void theRowsRunTheNetworkTheyName() {
        DetectorBenchmark b = small();
        INDArray out = b.forward();
        assertArrayEquals(new long[] {6, 4, 4, 12}, out.shape());
        assertTrue(out.equalsWithEps(b.predictions, 1e-6));
        double withLoss = b.forwardLoss().getDouble(0);
        double value = b.gradient();
        assertEquals(value, withLoss, 1e-5 * value);
        assertEquals(b.lossHost(), value, 1e-5 * value);
        assertTrue(b.gradient.norm2Number().doubleValue() > 0);
        INDArray before = b.theta.dup();
        b.step();
        assertEquals(1, b.state.step());
        assertTrue(before.distance2(b.theta) > 0, "Adam moved θ");
    }

    @Test
    void channelsAreParsedOrRefused() {
        assertArrayEquals(new int[] {16, 32, 64, 64}, DetectorBenchmark.channels("16,32, 64,64"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> DetectorBenchmark.channels("16;32"));
        assertTrue(e.getMessage().contains("'16;32'"), e.getMessage());
    }
}
