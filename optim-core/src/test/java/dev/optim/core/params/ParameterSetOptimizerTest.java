package dev.optim.core.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.optimizer.TestOptimizers;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Stepping a set: each tensor gets exactly the update its group's optimizer gives it alone;
 * clipping by norm spans the set; results are the same bits on any number of threads; a refused
 * step changes nothing.
 */
class ParameterSetOptimizerTest {

    private static final int STEPS = 5;

    static Stream<Arguments> setups() {
        List<Arguments> cases = new ArrayList<>();
        for (Setup s : TestOptimizers.all(0.05)) {
            for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
                cases.add(Arguments.of(s, type));
            }
        }
        for (TestOptimizers.Kind k : TestOptimizers.Kind.values()) {
            cases.add(Arguments.of(new Setup(k, Schedule.constant(0.05), 0.9, 0.999,
                    TestOptimizers.Decay.NONE, 0, Clipping.byValue(0.5)), DataType.DOUBLE));
        }
        return cases.stream();
    }

    /** Without norm clipping a set step is each tensor's own step, bit for bit. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("setups")
    void aSetStepIsEveryTensorsOwnStep(Setup setup, DataType type) {
        BaseOptimizer opt = (BaseOptimizer) setup.build();
        ParameterSet set = Nets.mlp(1, type).build();
        ParameterSet alone = Nets.mlp(1, type).build();
        GradientSet grads = set.zerosLikeGradients();
        ParameterSetOptimizer setOpt = ParameterSetOptimizer.of(opt);
        ParameterSetState state = setOpt.init(set);
        OptimizerState[] states = new OptimizerState[alone.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = opt.init(alone.tensor(i));
        }
        for (int k = 0; k < STEPS; k++) {
            Nets.fill(grads, 7, k, 1.0);
            setOpt.step(set, grads, state);
            for (int i = 0; i < states.length; i++) {
                opt.step(alone.tensor(i), grads.tensor(i), states[i]);
            }
        }
        assertEquals(STEPS, state.step());
        assertArrayEquals(Nets.values(alone), Nets.values(set));
        for (int b = 0; b < opt.stateBuffersPerParameter(); b++) {
            assertArrayEquals(states[2].bufferValues(b), state.bufferValues("w2", b));
        }
    }

    /** Each group's overrides give the optimizer one would build by hand for it. */
    @Test
    void groupsStepWithTheirOverrides() {
        Schedule warm = k -> 0.01 * Math.min(1.0, (k + 1) / 3.0);
        ParameterSet set = Nets.mlp(2, DataType.DOUBLE)
                .group("biases", GroupOverrides.builder().weightDecay(0).build(),
                        n -> n.startsWith("b"))
                .group("head", GroupOverrides.builder().learningRate(warm)
                        .decoupledWeightDecay(0.1)
                        .hyperparameters(Adam.Builder.class, b -> b.beta1(0.5).epsilon(1e-6))
                        .build(), n -> n.equals("w2"))
                .build();
        Adam base = Adam.builder().learningRate(0.02).weightDecay(0.05).build();
        Optimizer[] byHand = {
            Adam.builder().learningRate(0.02).weightDecay(0.05).build(),
            Adam.builder().learningRate(0.02).build(),
            Adam.builder().learningRate(warm).decoupledWeightDecay(0.1).beta1(0.5).epsilon(1e-6)
                    .build(),
            Adam.builder().learningRate(0.02).build()};
        ParameterSet alone = Nets.mlp(2, DataType.DOUBLE).build();
        OptimizerState[] states = new OptimizerState[4];
        for (int i = 0; i < 4; i++) {
            states[i] = byHand[i].init(alone.tensor(i));
        }
        ParameterSetOptimizer setOpt = ParameterSetOptimizer.of(base);
        ParameterSetState state = setOpt.init(set);
        GradientSet grads = set.zerosLikeGradients();
        for (int k = 0; k < STEPS; k++) {
            Nets.fill(grads, 3, k, 1.0);
            setOpt.step(set, grads, state);
            for (int i = 0; i < 4; i++) {
                byHand[i].step(alone.tensor(i), grads.tensor(i), states[i]);
            }
        }
        assertArrayEquals(Nets.values(alone), Nets.values(set));
        Adam head = (Adam) setOpt.optimizerOf(set, "head");
        assertEquals(0.5, head.beta1());
        assertEquals(Adam.DEFAULT_BETA2, head.beta2());
        assertTrue(head.decoupledWeightDecay());
        assertEquals(0.0, setOpt.optimizerOf(set, "biases").weightDecay());
    }

    /** Optax's form: g·c/‖g‖ when the norm over all tensors exceeds c, g itself otherwise. */
    @Test
    void clippingByGlobalNormSpansTheSet() {
        for (Clipping.Mode mode : List.of(Clipping.Mode.BY_GLOBAL_NORM,
                Clipping.Mode.BY_GLOBAL_NORM_PYTORCH)) {
            for (double c : new double[] {0.5, 100}) {
                ParameterSet set = Nets.mlp(4, DataType.DOUBLE).build();
                double[] before = Nets.values(set);
                GradientSet grads = set.zerosLikeGradients();
                Nets.fill(grads, 5, 0, 1.0);
                double[] g = Nets.values(gradientsAsSet(grads));
                double ss = 0;
                for (double v : g) {
                    ss += v * v;
                }
                double norm = Math.sqrt(ss);
                assertEquals(norm, grads.globalNorm(), 1e-14 * norm);
                double scale = mode == Clipping.Mode.BY_GLOBAL_NORM
                        ? (norm > c ? c / norm : 1) : Math.min(1, c / (norm + 1e-6));
                double lr = 0.1;
                Sgd sgd = Sgd.builder().learningRate(lr).clipping(new Clipping(mode, c)).build();
                ParameterSetOptimizer opt = ParameterSetOptimizer.of(sgd);
                opt.step(set, grads, opt.init(set));
                double[] after = Nets.values(set);
                for (int i = 0; i < g.length; i++) {
                    double expected = before[i] - lr * (g[i] * scale);
                    assertEquals(expected, after[i], 1e-15 * Math.max(1, Math.abs(expected)),
                            mode + " c=" + c + " element " + i);
                }
            }
        }
    }

    private static ParameterSet gradientsAsSet(GradientSet grads) {
        ParameterSet.Builder b = ParameterSet.builder();
        for (int i = 0; i < grads.parameters().size(); i++) {
            b.add(grads.parameters().name(i), grads.tensor(i).dup());
        }
        return b.build();
    }

    /** A set of many tensors: the same bits on 1, 2, 3 and 8 threads, and on an executor. */
    @Test
    void anyThreadCountGivesTheSameBits() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<double[]> results = new ArrayList<>();
            for (int threads : new int[] {1, 2, 3, 8, -3}) {
                ParameterSet set = manyTensors(11, 40);
                GradientSet grads = set.zerosLikeGradients();
                Adam adam = Adam.builder().learningRate(0.01)
                        .clipping(Clipping.byGlobalNorm(3.0)).build();
                ParameterSetOptimizer.Builder b = ParameterSetOptimizer.builder(adam);
                if (threads > 0) {
                    b.threads(threads);
                } else {
                    b.threads(-threads).executor(pool);
                }
                ParameterSetOptimizer opt = b.build();
                ParameterSetState state = opt.init(set);
                for (int k = 0; k < 3; k++) {
                    Nets.fill(grads, 9, k, 1.0);
                    opt.step(set, grads, state);
                }
                results.add(Nets.values(set));
            }
            for (double[] r : results) {
                assertArrayEquals(results.get(0), r);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static ParameterSet manyTensors(long seed, int count) {
        Random rnd = new Random(seed);
        ParameterSet.Builder b = ParameterSet.builder();
        for (int i = 0; i < count; i++) {
            long rows = 1 + rnd.nextInt(40);
            long cols = 1 + rnd.nextInt(300);
            b.add("t" + i, Nets.gaussian(rnd, DataType.FLOAT, 'c', 1.0, rows, cols));
        }
        return b.build();
    }

    /** A step whose schedule fails for one group changes no tensor and no counter. */
    @Test
    void aRefusedStepChangesNothing() {
        Schedule failsAtTwo = k -> k < 2 ? 0.1 : -1;
        ParameterSet set = Nets.mlp(6, DataType.DOUBLE)
                .group("late", GroupOverrides.builder().learningRate(failsAtTwo).build(),
                        n -> n.equals("b2"))
                .build();
        Momentum m = Momentum.builder().learningRate(0.1).build();
        ParameterSetOptimizer opt = ParameterSetOptimizer.of(m);
        ParameterSetState state = opt.init(set);
        GradientSet grads = set.zerosLikeGradients();
        Nets.fill(grads, 1, 0, 1.0);
        opt.step(set, grads, state);
        opt.step(set, grads, state);
        double[] before = Nets.values(set);
        double[] velocity = state.bufferValues("w1", 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> opt.step(set, grads, state));
        assertTrue(e.getMessage().contains("learning rate of group 'late' at step 2"),
                e.getMessage());
        assertArrayEquals(before, Nets.values(set));
        assertArrayEquals(velocity, state.bufferValues("w1", 0));
        assertEquals(2, state.step());
    }

    @Test
    void mismatchesAreRefused() {
        ParameterSet set = Nets.mlp(1, DataType.DOUBLE).build();
        ParameterSet other = Nets.mlp(1, DataType.DOUBLE).build();
        ParameterSetOptimizer adam = ParameterSetOptimizer.of(Adam.builder().build());
        ParameterSetOptimizer rms = ParameterSetOptimizer.of(RmsProp.builder().build());
        ParameterSetState state = adam.init(set);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(set, other.zerosLikeGradients(), state));
        assertTrue(e.getMessage().contains("another parameter set"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> rms.step(set, set.zerosLikeGradients(), state));
        assertTrue(e.getMessage().contains("'adam'"), e.getMessage());
        ParameterSet bigger = Nets.mlp(1, DataType.DOUBLE).add("extra",
                Nets.gaussian(new Random(1), DataType.DOUBLE, 'c', 1, 2)).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> adam.step(bigger, bigger.zerosLikeGradients(), state));
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
        // A state of the same structure steps another set object: a restored run does that.
        adam.step(other, other.zerosLikeGradients(), state);

        ParameterSet grouped = Nets.mlp(1, DataType.DOUBLE).group("g", GroupOverrides.builder()
                .hyperparameters(Adam.Builder.class, b -> b.beta1(2.0)).build(),
                n -> n.startsWith("w")).build();
        e = assertThrows(IllegalArgumentException.class, () -> adam.init(grouped));
        assertTrue(e.getMessage().contains("group 'g'") && e.getMessage().contains("beta1"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rms.init(grouped));
        assertTrue(e.getMessage().contains("group 'g'")
                && e.getMessage().contains("Adam$Builder"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ParameterSetOptimizer.builder(Adam.builder().build()).threads(0));
    }

    @Test
    void toBuilderGivesTheSameOptimizer() {
        Adam a = Adam.builder().learningRate(0.3).beta1(0.7).beta2(0.8).epsilon(1e-5)
                .decoupledWeightDecay(0.2).clipping(Clipping.byValue(2)).build();
        assertEquals(a.toString(), a.toBuilder().build().toString());
        Momentum m = Momentum.builder().momentum(0.3).form(Momentum.Form.NESTEROV).build();
        assertEquals(m.toString(), m.toBuilder().build().toString());
        // The copy is independent of the builder that made the optimizer.
        Adam.Builder b = Adam.builder().beta1(0.6);
        Adam first = b.build();
        b.beta1(0.1);
        assertEquals(0.6, ((Adam) first.toBuilder().build()).beta1());
    }
}
