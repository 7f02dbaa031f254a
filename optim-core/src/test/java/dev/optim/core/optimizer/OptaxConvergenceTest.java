package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * A peer's tests: Optax's {@code alias_test.py test_optimization}, written as ours. Each
 * optimizer, at the learning rate Optax's suite gives it ({@code _OPTIMIZERS_UNDER_TEST}) and
 * otherwise its defaults, runs 10 000 steps from Optax's start on its two targets and must end
 * within {@code atol + rtol·|x*|} of the minimum, {@code rtol = atol = 3e-2}, as Optax asserts:
 *
 * <ul>
 *   <li>parabola: {@code f(x) = Σ (x − x*)²}, {@code x* = (1, −1, 1)}, from {@code (−1, 10, 1)};
 *   <li>Rosenbrock: {@code f(x, y) = (1 − x)² + 100·(y − x²)²}, from {@code (0, 0)}.
 * </ul>
 *
 * <p>Where Optax's defaults are not PyTorch's, Optax's are used: Adagrad's initial accumulator
 * 0.1 and ε 1e-7; Lion's weight decay 1e-4 (decoupled).
 */
class OptaxConvergenceTest {

    private static final int STEPS = 10_000;
    private static final double TOL = 3e-2;

    private static Map<String, Optimizer> optimizers() {
        Map<String, Optimizer> m = new LinkedHashMap<>();
        m.put("adadelta lr=0.1", Adadelta.builder().learningRate(0.1).build());
        m.put("adagrad lr=1", Adagrad.builder().learningRate(1.0).initialAccumulator(0.1)
                .epsilon(1e-7).build());
        m.put("adamax lr=0.1", Adamax.builder().learningRate(0.1).build());
        m.put("amsgrad lr=0.1", Adam.builder().learningRate(0.1).amsgrad(true).build());
        m.put("lion lr=0.01 wd=1e-4", Lion.builder().learningRate(1e-2)
                .decoupledWeightDecay(1e-4).build());
        m.put("nadam lr=0.01", NAdam.builder().learningRate(1e-2).build());
        m.put("radam lr=5e-3", RAdam.builder().learningRate(5e-3).build());
        m.put("rmsprop lr=5e-3 momentum=0.9", RmsProp.builder().learningRate(5e-3)
                .momentum(0.9).build());
        m.put("rmsprop lr=5e-3 centered", RmsProp.builder().learningRate(5e-3).centered(true)
                .build());
        m.put("adam lr=0.1", Adam.builder().learningRate(0.1).build());
        return m;
    }

    private static void converges(String name, Optimizer opt, double[] start, double[] target,
            BiConsumer<double[], double[]> gradient) {
        double[] x = start.clone();
        double[] g = new double[x.length];
        OptimizerState s = opt.init(x);
        for (int k = 0; k < STEPS; k++) {
            gradient.accept(x, g);
            opt.step(x, g, s);
        }
        for (int i = 0; i < x.length; i++) {
            assertTrue(Math.abs(x[i] - target[i]) <= TOL + TOL * Math.abs(target[i]),
                    name + ": x" + i + " = " + x[i] + ", minimum " + target[i]);
        }
    }

    @Test
    void everyOptimizerSolvesOptaxsParabola() {
        double[] target = {1, -1, 1};
        optimizers().forEach((name, opt) -> converges(name, opt, new double[] {-1, 10, 1},
                target, (x, g) -> {
                    for (int i = 0; i < x.length; i++) {
                        g[i] = 2 * (x[i] - target[i]);
                    }
                }));
    }

    @Test
    void everyOptimizerSolvesOptaxsRosenbrock() {
        optimizers().forEach((name, opt) -> converges(name, opt, new double[] {0, 0},
                new double[] {1, 1}, (x, g) -> {
                    double t = x[1] - x[0] * x[0];
                    g[0] = -2 * (1 - x[0]) - 400 * x[0] * t;
                    g[1] = 200 * t;
                }));
    }
}
