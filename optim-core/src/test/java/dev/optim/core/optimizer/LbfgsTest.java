package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** L-BFGS beyond the PyTorch fixtures: peers' convergence tests, bad input, failure cases. */
class LbfgsTest {

    private static final Lbfgs WOLFE = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
            .maxIterations(500).maxEvaluations(1000).toleranceGrad(1e-10).toleranceChange(0)
            .build();

    private static final ArrayObjective ROSENBROCK = new ArrayObjective() {
        @Override
        public long dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] p, double[] g) {
            return LbfgsParityTest.rosenbrock(p, g);
        }
    };

    /** SciPy's test_optimize: L-BFGS-B on Rosenbrock from (−1.2, 1) reaches (1, 1). */
    @Test
    void convergesOnRosenbrockFromTheClassicStart() {
        LbfgsResult r = WOLFE.minimize(ROSENBROCK, new double[] {-1.2, 1});
        assertTrue(r.converged(), r.toString());
        assertArrayEquals(new double[] {1, 1}, r.point(), 1e-8);
        assertTrue(r.gradientMaxAbs() <= 1e-10 || r.reason() != LbfgsStop.GRADIENT_TOLERANCE);
        assertTrue(r.evaluations() < 100, r.toString());
    }

    /**
     * PyTorch's test_optim ({@code test_lbfgs}, {@code _test_basic_cases}): the loss
     * {@code ‖W·x + b‖²} of a 10×5 linear map with random W, b and input falls (here: to its
     * minimum, 0, since the system is underdetermined), with the defaults and with strong Wolfe.
     */
    @Test
    void reducesPyTorchsBasicCase() {
        Random random = new Random(11);
        double[] input = new double[5];
        for (int i = 0; i < 5; i++) {
            input[i] = random.nextGaussian();
        }
        double[] start = new double[60];
        for (int i = 0; i < 60; i++) {
            start[i] = random.nextGaussian();
        }
        Lbfgs.Function f = (p, g) -> {
            java.util.Arrays.fill(g, 0);
            double loss = 0;
            for (int r = 0; r < 10; r++) {
                double v = p[50 + r];
                for (int c = 0; c < 5; c++) {
                    v += p[r * 5 + c] * input[c];
                }
                loss += v * v;
                for (int c = 0; c < 5; c++) {
                    g[r * 5 + c] = 2 * v * input[c];
                }
                g[50 + r] = 2 * v;
            }
            return loss;
        };
        double initial = f.evaluate(start, new double[60]);
        for (Lbfgs lbfgs : List.of(Lbfgs.builder().build(),
                Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).build())) {
            LbfgsResult r = lbfgs.minimize(f, start);
            assertTrue(r.value() < initial, r.toString());
            assertTrue(r.value() < 1e-10, r.toString());
        }
    }

    /**
     * A Huber loss is linear beyond 1: two points there have the same gradient, so the
     * curvature pair has {@code y·s = 0}. It is skipped (and counted), and the run still
     * converges, without NaN.
     */
    @Test
    void skipsAndCountsDegenerateCurvaturePairs() {
        Lbfgs.Function huber = (p, g) -> {
            double x = p[0];
            if (Math.abs(x) <= 1) {
                g[0] = x;
                return 0.5 * x * x;
            }
            g[0] = Math.signum(x);
            return Math.abs(x) - 0.5;
        };
        LbfgsResult r = Lbfgs.builder().maxIterations(100).build().minimize(huber, new double[] {10});
        assertTrue(r.skippedPairs() >= 5, r.toString());
        assertTrue(Double.isFinite(r.value()) && Double.isFinite(r.point()[0]), r.toString());
        assertEquals(0, r.point()[0], 1e-6, r.toString());
    }

    /**
     * PyTorch's LBFGS ends at NaN on this function (it returns NaN beyond x = 4; its issue
     * #5953): checked with torch 1.13, strong Wolfe, lr 10, from 0. Optim's line search treats
     * the NaN trials as too long and finds the minimum at 3.
     */
    @Test
    void survivesNonFiniteTrialsOfTheLineSearch() {
        List<Double> values = new ArrayList<>();
        Lbfgs.Function f = (p, g) -> {
            double x = p[0];
            double v = x > 4 ? Double.NaN : (x - 3) * (x - 3);
            g[0] = x > 4 ? Double.NaN : 2 * (x - 3);
            values.add(v);
            return v;
        };
        LbfgsResult r = Lbfgs.builder().learningRate(10).maxIterations(50)
                .lineSearch(Lbfgs.LineSearch.STRONG_WOLFE).build().minimize(f, new double[] {0});
        assertTrue(values.stream().anyMatch(v -> v.isNaN()), "the test should reach NaN trials");
        assertEquals(3, r.point()[0], 1e-6, r.toString());
        assertTrue(Double.isFinite(r.value()), r.toString());
    }

    /** A fixed step into a non-finite region ends the run at the last finite point. */
    @Test
    void fixedStepIntoNonFiniteValuesStopsAtTheLastFinitePoint() {
        Lbfgs.Function f = (p, g) -> {
            double x = p[0];
            g[0] = x > 4 ? Double.POSITIVE_INFINITY : 2 * (x - 3);
            return x > 4 ? Double.POSITIVE_INFINITY : (x - 3) * (x - 3);
        };
        LbfgsResult r = Lbfgs.builder().learningRate(100).build().minimize(f, new double[] {0});
        assertEquals(LbfgsStop.NON_FINITE, r.reason());
        assertTrue(Double.isFinite(r.value()) && r.point()[0] <= 4, r.toString());
    }

    @Test
    void nonFiniteStartIsReported() {
        LbfgsResult r = WOLFE.minimize((p, g) -> Double.NaN, new double[] {1, 2});
        assertEquals(LbfgsStop.NON_FINITE, r.reason());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
        assertArrayEquals(new double[] {1, 2}, r.point());
    }

    /** The evaluation budget stops the run after the iteration that reaches it. */
    @Test
    void boundedEvaluations() {
        for (int budget : new int[] {1, 3, 10, 30}) {
            Lbfgs lbfgs = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                    .maxIterations(1000).maxEvaluations(budget).toleranceGrad(0)
                    .toleranceChange(0).build();
            LbfgsResult r = lbfgs.minimize(ROSENBROCK, new double[] {-1.5, 2});
            assertEquals(LbfgsStop.MAX_EVALUATIONS, r.reason(), r.toString());
            assertTrue(r.evaluations() >= budget
                    && r.evaluations() <= budget + 1 + lbfgs.maxLineSearch(), r.toString());
        }
    }

    @Test
    void optimalStartMakesNoIteration() {
        LbfgsResult r = WOLFE.minimize(ROSENBROCK, new double[] {1, 1});
        assertEquals(LbfgsStop.GRADIENT_TOLERANCE, r.reason());
        assertEquals(0, r.iterations());
        assertEquals(1, r.evaluations());
    }

    /** The float64 INDArray path takes exactly the double[] path's steps. */
    @Test
    void float64ArraysMatchPlainArrays() {
        Objective onArrays = new Objective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(INDArray params, INDArray gradient) {
                double[] g = new double[2];
                double f = LbfgsParityTest.rosenbrock(params.toDoubleVector(), g);
                gradient.putScalar(0, g[0]);
                gradient.putScalar(1, g[1]);
                return f;
            }
        };
        LbfgsResult plain = WOLFE.minimize(ROSENBROCK, new double[] {-1.5, 2});
        LbfgsResult array = WOLFE.minimize(onArrays, Nd4j.createFromArray(-1.5, 2.0));
        assertArrayEquals(plain.point(), array.point(), 0.0);
        assertEquals(plain.evaluations(), array.evaluations());
        assertEquals(DataType.DOUBLE, array.pointArray().dataType());
    }

    /** On float32 parameters every evaluated point is a float32 value, and the run converges. */
    @Test
    void float32ArraysEvaluateFloat32Points() {
        List<float[]> points = new ArrayList<>();
        Objective onFloats = new Objective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(INDArray params, INDArray gradient) {
                assertEquals(DataType.FLOAT, params.dataType());
                float x = params.getFloat(0);
                float y = params.getFloat(1);
                points.add(new float[] {x, y});
                float t = y - x * x;
                gradient.putScalar(0, -2f * (1f - x) - 400f * x * t);
                gradient.putScalar(1, 200f * t);
                return (1f - x) * (1f - x) + 100f * t * t;
            }
        };
        Lbfgs lbfgs = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                .maxIterations(200).toleranceGrad(1e-4).build();
        LbfgsResult r = lbfgs.minimize(onFloats, Nd4j.createFromArray(-1.5f, 2f));
        assertEquals(DataType.FLOAT, r.pointArray().dataType());
        assertArrayEquals(new double[] {1, 1}, r.point(), 1e-3, r.toString());
        double[] p = r.point();
        assertEquals((float) p[0], p[0], 0.0);
        assertEquals((float) p[1], p[1], 0.0);
    }

    @Test
    void badSettingsNameTheSettingAndTheRange() {
        assertMessage("learningRate must be finite and > 0, got 0.0",
                () -> Lbfgs.builder().learningRate(0).build());
        assertMessage("maxIterations must be >= 1, got 0",
                () -> Lbfgs.builder().maxIterations(0).build());
        assertMessage("maxEvaluations must be >= 1, got 0",
                () -> Lbfgs.builder().maxEvaluations(0).build());
        assertMessage("toleranceGrad must be finite and >= 0, got -1.0",
                () -> Lbfgs.builder().toleranceGrad(-1).build());
        assertMessage("toleranceChange must be finite and >= 0, got NaN",
                () -> Lbfgs.builder().toleranceChange(Double.NaN).build());
        assertMessage("historySize must be >= 1, got 0",
                () -> Lbfgs.builder().historySize(0).build());
        assertMessage("lineSearch must not be null", () -> Lbfgs.builder().lineSearch(null).build());
        assertMessage("c1 must be in (0, 1), got 1.5",
                () -> Lbfgs.builder().wolfeConstants(1.5, 0.9).build());
        assertMessage("c2 must be in (c1 = 0.5, 1), got 0.4",
                () -> Lbfgs.builder().wolfeConstants(0.5, 0.4).build());
        assertMessage("maxLineSearch must be >= 1, got 0",
                () -> Lbfgs.builder().maxLineSearch(0).build());
        assertMessage("lineSearchTolerance must be finite and >= 0, got -1.0",
                () -> Lbfgs.builder().lineSearchTolerance(-1).build());
        Lbfgs ok = Lbfgs.builder().build();
        assertMessage("start must not be null or empty",
                () -> ok.minimize((p, g) -> 0, new double[0]));
        assertThrows(IllegalArgumentException.class,
                () -> ok.minimize(ROSENBROCK, new double[] {1, 2, 3}));
    }

    @Test
    void defaultsArePyTorchs() {
        Lbfgs d = Lbfgs.builder().build();
        assertEquals(1.0, d.learningRate());
        assertEquals(20, d.maxIterations());
        assertEquals(25, d.maxEvaluations());
        assertEquals(1e-7, d.toleranceGrad());
        assertEquals(1e-9, d.toleranceChange());
        assertEquals(100, d.historySize());
        assertEquals(Lbfgs.LineSearch.NONE, d.lineSearch());
        assertEquals(12, Lbfgs.builder().maxIterations(10).build().maxEvaluations());
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertEquals(message, x.getMessage());
    }
}
