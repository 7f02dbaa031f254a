package dev.optim.core.descent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.ArrayObjective;
import dev.optim.core.Objective;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The start of a descent: a non-finite start value is refused naming its index (both paths);
 * a finite start where the objective is not finite is reported as DIVERGED at step 0 with the
 * start and its non-finite loss, as {@link DescentResult} documents.
 */
class DescentStartTest {

    /** The 2-D Rosenbrock function, as the reproduction. */
    static final ArrayObjective ROSENBROCK = new ArrayObjective() {
        @Override
        public long dimension() {
            return 2;
        }

        @Override
        public double evaluate(double[] p, double[] g) {
            double a = 1 - p[0];
            double b = p[1] - p[0] * p[0];
            g[0] = -2 * a - 400 * p[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }
    };

    private static final double[] BAD = {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};

    @Test
    void aNonFiniteStartIsRefusedNamingTheIndex() {
        Descent d = Descent.builder(Adam.builder().build()).maxSteps(10).build();
        for (double bad : BAD) {
            for (int i = 0; i < 2; i++) {
                double[] start = {0, 0};
                start[i] = bad;
                String want = "start[" + i + "] must be finite, got " + bad;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> d.run(ROSENBROCK, start));
                assertTrue(e.getMessage().contains(want), e.getMessage());
                for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                    INDArray s = Nd4j.createFromArray(start).castTo(type);
                    e = assertThrows(IllegalArgumentException.class, () -> d.run(ROSENBROCK, s));
                    assertTrue(e.getMessage().contains(want), type + ": " + e.getMessage());
                    // An objective with only the INDArray form, too.
                    Objective plainObjective = new Objective() {
                        @Override
                        public long dimension() {
                            return 2;
                        }

                        @Override
                        public double evaluate(INDArray p, INDArray g) {
                            return ROSENBROCK.evaluate(p, g);
                        }
                    };
                    e = assertThrows(IllegalArgumentException.class,
                            () -> d.run(plainObjective, s));
                    assertTrue(e.getMessage().contains(want), type + ": " + e.getMessage());
                }
            }
        }
    }

    /** f finite at x but its gradient infinite (a square root at 0), or f NaN. */
    private static ArrayObjective notFiniteAtStart(boolean valueNaN) {
        return new ArrayObjective() {
            @Override
            public long dimension() {
                return 2;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                g[0] = 0.5 / Math.sqrt(Math.abs(x[0]));
                g[1] = 0;
                return valueNaN ? Double.NaN : Math.sqrt(Math.abs(x[0]));
            }
        };
    }

    @Test
    void anObjectiveNotFiniteAtAFiniteStartIsDivergedAtStepZero() {
        Descent d = Descent.builder(Sgd.of(0.1)).maxSteps(10).build();
        for (boolean valueNaN : new boolean[] {true, false}) {
            ArrayObjective o = notFiniteAtStart(valueNaN);
            double[] start = {0, 3};
            List<DescentResult> results = List.of(d.run(o, start),
                    d.run(o, Nd4j.createFromArray(start)),
                    d.run(o, Nd4j.createFromArray(start).castTo(DataType.FLOAT)));
            for (DescentResult r : results) {
                assertEquals(StopReason.DIVERGED, r.reason());
                assertEquals(0, r.steps());
                assertEquals(0, r.divergedAtStep());
                assertArrayEquals(start, r.parameters(), 0.0);
                assertEquals(valueNaN, Double.isNaN(r.loss()), r.toString());
                assertEquals(1, r.trajectory().size());
                assertEquals(0, r.trajectory().step(0));
            }
        }
    }
}
