package dev.optim.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class SameDiffObjectiveTest {

    private static final double[][] X = {{1, 2}, {-1, 0.5}, {0.3, -2}, {2, 1}, {0, 0}};
    private static final int[] Y = {0, 1, 2, 1, 0};

    private static Mlp mlp() {
        return Mlp.builder(2).dense(4, Activation.TANH).dense(3, Activation.RELU)
                .softmaxCrossEntropy(3).dataType(DataType.DOUBLE).seed(3).build();
    }

    private static INDArray x() {
        return Nd4j.createFromArray(X);
    }

    /** The MLP's loss written out in plain Java from the flat parameters. */
    private static double reference(double[] p, int[] batch) {
        int[][] dims = {{2, 4}, {4, 3}, {3, 3}};
        double total = 0;
        for (int i : batch) {
            double[] h = X[i];
            int off = 0;
            for (int l = 0; l < 3; l++) {
                int in = dims[l][0];
                int out = dims[l][1];
                double[] z = new double[out];
                for (int o = 0; o < out; o++) {
                    double s = p[off + in * out + o];
                    for (int k = 0; k < in; k++) {
                        s += h[k] * p[off + k * out + o];
                    }
                    z[o] = l == 0 ? Math.tanh(s) : l == 1 ? Math.max(s, 0) : s;
                }
                off += in * out + out;
                h = z;
            }
            double max = Math.max(h[0], Math.max(h[1], h[2]));
            double lse = max + Math.log(Math.exp(h[0] - max) + Math.exp(h[1] - max)
                    + Math.exp(h[2] - max));
            total += lse - h[Y[i]];
        }
        return total / batch.length;
    }

    @Test
    void valueAndGradientMatchAPlainJavaNetworkAndFiniteDifferences() {
        Mlp mlp = mlp();
        SameDiffObjective f = mlp.classification(x(), Y);
        assertEquals(2 * 4 + 4 + 4 * 3 + 3 + 3 * 3 + 3, f.dimension());
        INDArray theta = f.parameters();
        INDArray grad = theta.like();
        int[] batch = {4, 1, 1, 3};
        double v = f.evaluate(theta, batch, grad);
        double[] p = theta.toDoubleVector();
        assertEquals(reference(p, batch), v, 1e-14 * Math.abs(v));
        double[] g = grad.toDoubleVector();
        for (int j = 0; j < p.length; j++) {
            double h = 1e-6;
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[j] += h;
            minus[j] -= h;
            double fd = (reference(plus, batch) - reference(minus, batch)) / (2 * h);
            assertEquals(fd, g[j], 1e-8, "gradient " + j);
        }
        double full = f.evaluate(theta, grad);
        assertEquals(reference(p, new int[] {0, 1, 2, 3, 4}), full, 1e-14 * Math.abs(full));
        assertEquals(full, f.value(theta), 0.0);
        assertEquals(v, f.value(theta, batch), 0.0);
    }

    @Test
    void theGraphsVariablesAreViewsOfTheParameterVector() {
        Mlp mlp = mlp();
        SameDiffObjective f = mlp.classification(x(), Y);
        INDArray theta = f.parameters();
        assertSame(theta, mlp.parameters());
        theta.putScalar(0, 0.25);
        assertEquals(0.25, mlp.graph().getVariable("w1").getArr().getDouble(0, 0), 0.0);
        // Another vector is copied in.
        INDArray other = theta.dup();
        other.putScalar(1, -7.0);
        f.evaluate(other, new int[] {0}, other.like());
        assertEquals(-7.0, mlp.graph().getVariable("w1").getArr().getDouble(0, 1), 0.0);
    }

    @Test
    void aDataSetBatchGivesTheSameAsTheIndexBatch() {
        Mlp mlp = mlp();
        SameDiffObjective f = mlp.classification(x(), Y);
        INDArray g1 = f.parameters().like();
        INDArray g2 = f.parameters().like();
        int[] batch = {2, 0};
        double a = f.evaluate(f.parameters(), batch, g1);
        DataSet ds = new DataSet(Nd4j.pullRows(x(), 1, batch), Nd4j.pullRows(mlp.oneHot(Y, 5), 1, batch));
        double b = f.evaluate(f.parameters(), ds, g2);
        assertEquals(a, b, 0.0);
        assertEquals(g1, g2);
    }

    @Test
    void badInputIsRefusedWithTheVariableAndBothShapes() {
        Mlp mlp = mlp();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.objective(Nd4j.zeros(DataType.DOUBLE, 5, 3), mlp.oneHot(Y, 5)));
        assertTrue(e.getMessage().contains("'input'") && e.getMessage().contains("[-1, 2]")
                && e.getMessage().contains("[5, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mlp.objective(x().castTo(DataType.FLOAT), mlp.oneHot(Y, 5)));
        assertTrue(e.getMessage().contains("data type"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mlp.classification(x(), new int[] {0, 1, 3, 1, 0}));
        assertTrue(e.getMessage().contains("label 2") && e.getMessage().contains("got 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mlp.objective(x(), mlp.oneHot(new int[] {0, 1, 2}, 3)));
        assertTrue(e.getMessage().contains("has 3"), e.getMessage());

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("in", DataType.DOUBLE, -1, 2);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.DOUBLE, 2, 1));
        SDVariable out = in.mmul(w).mean("m");
        e = assertThrows(IllegalArgumentException.class,
                () -> SameDiffObjective.builder(sd).feed("in", x()).build());
        assertTrue(e.getMessage().contains("no loss variable"), e.getMessage());
        SameDiff sd2 = SameDiff.create();
        SDVariable in2 = sd2.placeHolder("in", DataType.DOUBLE, -1, 2);
        SDVariable lab = sd2.placeHolder("lab", DataType.DOUBLE, -1, 1);
        in2.mmul(sd2.var("w", Nd4j.ones(DataType.DOUBLE, 2, 1))).sub(lab).mean("m");
        e = assertThrows(IllegalArgumentException.class,
                () -> SameDiffObjective.builder(sd2).loss("m").feed("in", x()).build());
        assertTrue(e.getMessage().contains("placeholder 'lab' is not fed"), e.getMessage());
        SameDiffObjective f = mlp.classification(x(), Y);
        e = assertThrows(IllegalArgumentException.class,
                () -> f.evaluate(Nd4j.zeros(DataType.DOUBLE, 3), new int[] {0}, f.parameters().like()));
        assertTrue(e.getMessage().contains("length 39"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> f.evaluate(f.parameters(), new int[] {5}, f.parameters().like()));
        assertTrue(e.getMessage().contains("[0, 5)"), e.getMessage());
        assertTrue(out != null);
    }
}
