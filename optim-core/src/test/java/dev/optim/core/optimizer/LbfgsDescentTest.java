package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.ArrayObjective;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.core.descent.Trajectory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** L-BFGS run by the descent loop: a row per iteration, PyTorch's iterates, the stop rules. */
class LbfgsDescentTest {

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

    /** The trajectory's rows are PyTorch's iterates (fixture rosenbrock-wolfe-h100), exactly. */
    @Test
    void trajectoryRowsArePyTorchsIterates() {
        LbfgsFixture fx = LbfgsFixture.load(LbfgsDescentTest.class,
                "/fixtures/lbfgs/rosenbrock-wolfe-h100.csv");
        AtomicInteger calls = new AtomicInteger();
        DescentResult r = Descent.lineSearch(fx.config()).maxSteps(1000).build()
                .run(new ArrayObjective() {
                    @Override
                    public long dimension() {
                        return 2;
                    }

                    @Override
                    public double evaluate(double[] p, double[] g) {
                        calls.incrementAndGet();
                        return LbfgsParityTest.rosenbrock(p, g);
                    }
                }, fx.start());
        Trajectory t = r.trajectory();
        assertEquals(fx.iters().size() + 1, t.size());
        for (int i = 0; i < fx.iters().size(); i++) {
            double[] want = fx.iters().get(i);
            assertEquals(i + 1, t.step(i + 1));
            assertArrayEquals(new double[] {want[3], want[4]}, t.params(i + 1), 0.0);
            assertEquals(want[1], t.loss(i + 1), 0.0);
        }
        assertEquals(fx.integer("func_evals"), calls.get());
        assertTrue(r.reason().converged(), r.toString());
    }

    /** The loop's Euclidean gradient tolerance stops it, on plain and float64 arrays alike. */
    @Test
    void gradientToleranceStopsTheLoop() {
        Lbfgs lbfgs = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                .maxIterations(1000).maxEvaluations(5000).toleranceGrad(0).toleranceChange(0).build();
        Descent.lineSearch(lbfgs).gradientTolerance(1e-8).build();
        DescentResult plain = Descent.lineSearch(lbfgs).gradientTolerance(1e-8).build()
                .run(ROSENBROCK, new double[] {-1.5, 2});
        DescentResult array = Descent.lineSearch(lbfgs).gradientTolerance(1e-8).build()
                .run(ROSENBROCK, Nd4j.createFromArray(-1.5, 2.0));
        assertEquals(StopReason.GRADIENT_TOLERANCE, plain.reason());
        assertArrayEquals(new double[] {1, 1}, plain.parameters(), 1e-8);
        assertArrayEquals(plain.parameters(), array.parameters(), 0.0);
        assertEquals(plain.steps(), array.steps());
    }

    @Test
    void maxStepsAndTheOptimizersBudgetStopTheLoop() {
        Lbfgs lbfgs = Lbfgs.builder().lineSearch(Lbfgs.LineSearch.STRONG_WOLFE)
                .maxIterations(1000).toleranceGrad(0).toleranceChange(0).build();
        DescentResult r = Descent.lineSearch(lbfgs).maxSteps(7).build()
                .run(ROSENBROCK, new double[] {-1.5, 2});
        assertEquals(StopReason.MAX_STEPS, r.reason());
        assertEquals(7, r.steps());
        DescentResult own = Descent.lineSearch(Lbfgs.builder().maxIterations(5).build())
                .maxSteps(100).build().run(ROSENBROCK, new double[] {-1.5, 2});
        assertEquals(StopReason.MAX_STEPS, own.reason());
        assertEquals(5, own.steps());
    }

    @Test
    void nonFiniteStartIsDivergence() {
        ArrayObjective nan = new ArrayObjective() {
            @Override
            public long dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] p, double[] g) {
                g[0] = Double.NaN;
                return Double.NaN;
            }
        };
        DescentResult r = Descent.lineSearch(Lbfgs.builder().build()).build().run(nan, new double[] {1});
        assertEquals(StopReason.DIVERGED, r.reason());
        assertEquals(0, r.steps());
    }
}
