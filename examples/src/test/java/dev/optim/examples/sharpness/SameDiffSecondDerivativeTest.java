package dev.optim.examples.sharpness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Why {@link NetworkSharpness} uses central differences: SameDiff (ND4J 1.0.0-M2.1) gives
 * first derivatives, but differentiating its gradient function again fails. If a later ND4J
 * lifts this, this test fails and exact Hessian-vector products become possible.
 */
class SameDiffSecondDerivativeTest {

    @Test
    void differentiatingTheGradientFunctionAgainFails() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(1.0, 2.0));
        SDVariable x0 = x.get(SDIndex.point(0));
        SDVariable x1 = x.get(SDIndex.point(1));
        // f = x0²·x1 + x1³: ∇f = (2·x0·x1, x0² + 3·x1²) = (4, 13) at (1, 2).
        x0.mul(x0).mul(x1).add(x1.mul(x1).mul(x1)).sum("loss");
        sd.setLossVariables("loss");
        Map<String, INDArray> g = sd.calculateGradients(Map.of(), "x");
        assertArrayEquals(new double[] {4, 13}, g.get("x").toDoubleVector(), 1e-12);
        sd.createGradFunction();
        SameDiff grad = sd.getFunction("grad");
        SDVariable gv = grad.getVariable("x-grad").mul(grad.constant("v",
                Nd4j.createFromArray(1.0, 0.0))).sum("gv");
        grad.setLossVariables(gv.name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> grad.calculateGradients(Map.of(), "x"));
        assertTrue(e.getMessage().contains("one-var"), e.getMessage());
    }
}
