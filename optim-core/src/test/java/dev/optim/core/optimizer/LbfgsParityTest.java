package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * L-BFGS against PyTorch 1.13's {@code torch.optim.LBFGS} on 2-D Rosenbrock
 * ({@code fixtures/lbfgs/}, written by {@code tools/fixtures/gen_lbfgs_fixtures.py}): the same
 * sequence of evaluated points and values, the same iterates, the same counts, to 1e-12
 * relative.
 */
class LbfgsParityTest {

    static final double TOLERANCE = 1e-12;

    static Stream<LbfgsFixture> cases() {
        return LbfgsFixture.all(LbfgsParityTest.class, "/fixtures/lbfgs/").stream();
    }

    /** Rosenbrock with the fixture's operation order (ReferenceFunctions). */
    static double rosenbrock(double[] p, double[] g) {
        double x = p[0];
        double y = p[1];
        double t = y - x * x;
        g[0] = -2.0 * (1.0 - x) - 400.0 * x * t;
        g[1] = 200.0 * t;
        return (1.0 - x) * (1.0 - x) + 100.0 * t * t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(LbfgsFixture fx) {
        double worst = check(fx, LbfgsParityTest::rosenbrock);
        System.out.println("L-BFGS parity " + fx.name() + ": max relative error " + worst);
        assertTrue(worst <= TOLERANCE, fx.name() + ": max relative error " + worst);
    }

    /**
     * Runs the fixture's configuration on {@code f}, compares everything, and returns the
     * largest relative error seen.
     */
    static double check(LbfgsFixture fx, Lbfgs.Function f) {
        Lbfgs lbfgs = fx.config();
        List<double[]> seen = new ArrayList<>();
        Lbfgs.Function logged = (x, g) -> {
            double v = f.evaluate(x, g);
            double[] row = new double[2 + x.length];
            row[0] = v;
            row[1] = Vectors.norm(g);
            System.arraycopy(x, 0, row, 2, x.length);
            seen.add(row);
            return v;
        };
        LbfgsRun run = lbfgs.start(logged, fx.start());
        List<double[]> iterates = new ArrayList<>();
        boolean none = lbfgs.lineSearch() == Lbfgs.LineSearch.NONE;
        while (true) {
            long before = run.evaluations();
            int k = run.iterations();
            LbfgsStop stop = run.iterate();
            if (run.iterations() > k && stop != LbfgsStop.NO_DESCENT_DIRECTION) {
                // PyTorch records the iterate when it moves: after the line search, or before
                // the evaluation of a fixed step.
                double[] row = new double[3 + run.dimension()];
                row[0] = none ? before : run.evaluations();
                row[1] = run.value();
                row[2] = run.gradientNorm();
                System.arraycopy(run.point(), 0, row, 3, run.dimension());
                iterates.add(row);
            }
            if (stop != null) {
                break;
            }
        }
        LbfgsResult result = run.result();
        boolean unevaluatedLast = none && result.reason() == LbfgsStop.MAX_ITERATIONS;
        int expectedEvals = fx.integer("func_evals") + (unevaluatedLast ? 1 : 0);
        assertEquals(expectedEvals, seen.size(), fx.name() + ": evaluations");
        assertEquals(expectedEvals, result.evaluations(), fx.name() + ": counted evaluations");
        assertEquals(fx.integer("n_iter"), result.iterations(), fx.name() + ": iterations");
        assertEquals(fx.iters().size(), iterates.size(), fx.name() + ": iterates");
        double worst = 0;
        for (int i = 0; i < fx.evals().size(); i++) {
            worst = Math.max(worst, compare(fx.name() + " eval " + (i + 1), fx.evals().get(i), seen.get(i), 0));
        }
        for (int i = 0; i < fx.iters().size(); i++) {
            double[] want = fx.iters().get(i);
            double[] got = iterates.get(i);
            assertEquals((long) want[0], (long) got[0], fx.name() + " iterate " + (i + 1) + ": evaluations");
            if (unevaluatedLast && i == fx.iters().size() - 1) {
                got[1] = result.value();
                got[2] = result.gradientNorm();
            }
            worst = Math.max(worst, compare(fx.name() + " iterate " + (i + 1), want, got, 1));
        }
        int first = -1;
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i)[1] <= 1e-8) {
                first = i + 1;
                break;
            }
        }
        assertEquals(fx.integer("evals_to_gnorm"), first, fx.name() + ": evaluations to |g| <= 1e-8");
        return worst;
    }

    /**
     * The largest relative error of a row from {@code from} on: value, gradient norm, point.
     */
    private static double compare(String what, double[] want, double[] got, int from) {
        double worst = 0;
        for (int j = from; j < want.length; j++) {
            double w = want[j];
            double e = Math.abs(got[j] - w) / Math.max(Math.abs(w), Double.MIN_NORMAL);
            if (j == from + 1) {
                // The gradient norm: near the minimum it is a difference of nearly equal terms,
                // so its error is measured against the gradient's terms, not its value.
                e = Math.abs(got[j] - w) / Math.max(Math.abs(w), 1e-6);
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }
}
