package dev.optim.core.descent;

import static org.junit.jupiter.api.Assertions.*;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Objective;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Sgd;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DescentTest {

    private static final Quadratic Q = new Quadratic(1.0, 4.0);
    private static final double[] X0 = {3.0, -2.0};

    /** Closed form of SGD on Q: xᵢ(k) = xᵢ(0)(1 − η aᵢ)^k. */
    private static double[] closedForm(double lr, long k) {
        double[] x = new double[2];
        for (int i = 0; i < 2; i++) {
            x[i] = X0[i] * Math.pow(1 - lr * Q.a[i], k);
        }
        return x;
    }

    private static double f(double[] x) {
        return 0.5 * (Q.a[0] * x[0] * x[0] + Q.a[1] * x[1] * x[1]);
    }

    @Test
    void trajectoryRowsFollowTheClosedForm() {
        double lr = 0.1;
        DescentResult r = Descent.builder(Sgd.of(lr)).maxSteps(50).build().run(Q, X0);
        assertEquals(StopReason.MAX_STEPS, r.reason());
        assertEquals(50, r.steps());
        Trajectory t = r.trajectory();
        assertEquals(51, t.size());
        for (int row = 0; row <= 50; row++) {
            double[] want = closedForm(lr, row);
            assertEquals(row, t.step(row));
            assertEquals(lr, t.learningRate(row));
            assertArrayEquals(want, t.params(row), 1e-13);
            assertEquals(f(want), t.loss(row), 1e-13);
        }
        assertArrayEquals(closedForm(lr, 50), r.parameters(), 1e-13);
        assertArrayEquals(new double[] {3.0, -2.0}, X0, 0.0, "start must not be modified");
    }

    @Test
    void rowsCarryTheRateTheNextUpdateUses() {
        Schedule decay = k -> 0.2 / (1 + 0.5 * k);
        Trajectory t = Descent.builder(Sgd.builder().learningRate(decay).build()).maxSteps(5)
                .build().run(Q, X0).trajectory();
        double[] x = X0.clone();
        for (int row = 0; row <= 5; row++) {
            assertEquals(0.2 / (1 + 0.5 * row), t.learningRate(row), 0.0);
            assertArrayEquals(x, t.params(row), 1e-15);
            double lr = 0.2 / (1 + 0.5 * row);
            for (int i = 0; i < 2; i++) {
                x[i] -= lr * Q.a[i] * x[i];
            }
        }
    }

    @Test
    void gradientToleranceStopsAtTheFirstSmallGradient() {
        double lr = 0.1;
        double tol = 1e-3;
        long expected = 0;
        while (true) {
            double[] x = closedForm(lr, expected);
            if (Math.hypot(Q.a[0] * x[0], Q.a[1] * x[1]) <= tol) {
                break;
            }
            expected++;
        }
        DescentResult r = Descent.builder(Sgd.of(lr)).maxSteps(10_000).gradientTolerance(tol)
                .build().run(Q, X0);
        assertEquals(StopReason.GRADIENT_TOLERANCE, r.reason());
        assertTrue(r.reason().converged());
        assertEquals(expected, r.steps());
        assertEquals(expected, r.trajectory().step(r.trajectory().size() - 1));
    }

    @Test
    void lossToleranceStopsWhenTheLossStalls() {
        double lr = 0.05;
        double tol = 1e-6;
        long expected = 1;
        while (true) {
            double prev = f(closedForm(lr, expected - 1));
            double cur = f(closedForm(lr, expected));
            if (Math.abs(cur - prev) <= tol * Math.max(Math.abs(prev), 1)) {
                break;
            }
            expected++;
        }
        DescentResult r = Descent.builder(Sgd.of(lr)).maxSteps(100_000).lossTolerance(tol)
                .build().run(Q, X0);
        assertEquals(StopReason.LOSS_TOLERANCE, r.reason());
        assertEquals(expected, r.steps());
    }

    @Test
    void stopConditionAndListeners() {
        List<Long> steps = new ArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        DescentResult r = Descent.builder(Sgd.of(0.1)).maxSteps(1000)
                .stopWhen((step, loss, g) -> loss < 0.5)
                .listener(new DescentListener() {
                    @Override
                    public void onStep(long step, double loss, double lr, double gn) {
                        steps.add(step);
                    }

                    @Override
                    public void onFinish(DescentResult result) {
                        finished.incrementAndGet();
                    }
                })
                .build().run(Q, X0);
        assertEquals(StopReason.STOP_CONDITION, r.reason());
        assertTrue(r.loss() < 0.5);
        assertTrue(r.trajectory().loss(r.trajectory().size() - 2) >= 0.5);
        assertEquals(r.steps(), steps.size());
        assertEquals(1L, steps.get(0));
        assertEquals(1, finished.get());
    }

    @Test
    void explodingLossIsReportedWithTheLastFiniteParameters() {
        // |1 − η·4| = 1.4 > 1: x₁ grows by 1.4 per step; f ≈ 8·1.96^k soon exceeds 1e6·f₀.
        double lr = 0.6;
        double f0 = f(X0);
        long k = 0;
        while (f(closedForm(lr, k)) <= 1e6 * f0) {
            k++;
        }
        DescentResult r = Descent.builder(Sgd.of(lr)).maxSteps(1000).build().run(Q, X0);
        assertEquals(StopReason.DIVERGED, r.reason());
        assertEquals(k, r.divergedAtStep());
        assertEquals(k - 1, r.steps());
        double[] want = closedForm(lr, k - 1);
        for (int i = 0; i < 2; i++) {
            assertEquals(want[i], r.parameters()[i], 1e-12 * Math.abs(want[i]) + 1e-300);
        }
        assertEquals(f(want), r.loss(), 1e-12 * f(want));
        Trajectory t = r.trajectory();
        assertEquals(k, t.step(t.size() - 1), "the offending row is recorded");
    }

    @Test
    void nonFiniteLossIsReportedNotReturned() {
        ArrayObjective sqrtBowl = new ArrayObjective() {
            @Override
            public long dimension() {
                return 1;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                // defined for x ≥ 0 only: NaN once a step overshoots below 0
                g[0] = 0.5 / Math.sqrt(x[0]);
                return Math.sqrt(x[0]);
            }
        };
        DescentResult r = Descent.builder(Sgd.of(1.0)).divergenceFactor(0).maxSteps(100)
                .build().run(sqrtBowl, new double[] {1.0});
        // x: 1 → 0.5 → 0.5 − 0.7071 < 0 → NaN at update 2
        assertEquals(StopReason.DIVERGED, r.reason());
        assertEquals(2, r.divergedAtStep());
        assertEquals(0.5, r.parameters()[0], 0.0);
        assertTrue(Double.isFinite(r.loss()));
        assertTrue(Double.isNaN(r.trajectory().loss(2)));
    }

    @Test
    void nonFiniteStartIsDiverged() {
        ArrayObjective bad = new Quadratic(Double.NaN);
        DescentResult r = Descent.builder(Sgd.of(0.1)).build().run(bad, new double[] {1});
        assertEquals(StopReason.DIVERGED, r.reason());
        assertEquals(0, r.steps());
    }

    @Test
    void cancellation() {
        AtomicInteger polls = new AtomicInteger();
        DescentResult r = Descent.builder(Sgd.of(0.01)).maxSteps(1000)
                .cancelWhen(() -> polls.incrementAndGet() > 7).build().run(Q, X0);
        assertEquals(StopReason.CANCELLED, r.reason());
        assertEquals(7, r.steps());
    }

    @Test
    void recordEveryKeepsRowZeroAndTheLast() {
        Trajectory t = Descent.builder(Sgd.of(0.1)).maxSteps(10).recordEvery(4).build()
                .run(Q, X0).trajectory();
        assertEquals(4, t.size());
        assertEquals(0, t.step(0));
        assertEquals(4, t.step(1));
        assertEquals(8, t.step(2));
        assertEquals(10, t.step(3));
        assertArrayEquals(closedForm(0.1, 10), t.params(3), 1e-13);
    }

    @Test
    void csvHasHeaderAndRoundTrippingNumbers() {
        Trajectory t = Descent.builder(Sgd.of(0.1)).maxSteps(3).build().run(Q, X0).trajectory();
        StringWriter w = new StringWriter();
        t.writeCsv(w);
        String[] lines = w.toString().split("\n");
        assertEquals("step,loss,lr,x0,x1", lines[0]);
        assertEquals(5, lines.length);
        String[] row2 = lines[3].split(",");
        assertEquals("2", row2[0]);
        assertEquals(t.loss(2), Double.parseDouble(row2[1]), 0.0);
        assertEquals(t.param(2, 1), Double.parseDouble(row2[4]), 0.0);
    }

    @Test
    void indArrayPathsAgreeWithThePlainPath() {
        Adam adam = Adam.builder().learningRate(0.05).build();
        Descent d = Descent.builder(adam).maxSteps(40).build();
        DescentResult plain = d.run(Q, X0);
        INDArray start = Nd4j.createFromArray(X0);
        DescentResult nd = d.run(Q, start);
        assertArrayEquals(plain.parameters(), nd.parameters(), 0.0);
        assertArrayEquals(X0, start.toDoubleVector(), 0.0);
        // A general Objective (not an ArrayObjective) takes the INDArray route.
        Objective general = new Objective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(INDArray p, INDArray g) {
                double[] x = p.toDoubleVector();
                double[] gr = new double[2];
                double f = Q.evaluate(x, gr);
                g.assign(Nd4j.createFromArray(gr).castTo(p.dataType()));
                return f;
            }
        };
        DescentResult viaNd4j = d.run(general, start);
        assertArrayEquals(plain.parameters(), viaNd4j.parameters(), 0.0);
        DescentResult f32 = d.run(general, start.castTo(DataType.FLOAT));
        assertArrayEquals(plain.parameters(), f32.parameters(), 1e-5);
    }

    @Test
    void badConfigurationIsRefusedWithItsName() {
        var b = Descent.builder(Sgd.of(0.1));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.maxSteps(-1))
                .getMessage().contains("maxSteps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.gradientTolerance(-1))
                .getMessage().contains("gradientTolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.lossTolerance(Double.NaN))
                .getMessage().contains("lossTolerance"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.divergenceFactor(-2))
                .getMessage().contains("divergenceFactor"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.recordEvery(0))
                .getMessage().contains("recordEvery"));
        assertThrows(IllegalArgumentException.class, () -> Descent.builder(null));
        Descent d = b.build();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> d.run(Q, new double[] {1, 2, 3})).getMessage().contains("start"));
    }
}
