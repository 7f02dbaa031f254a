package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.TestOptimizers.Decay;
import dev.optim.core.optimizer.TestOptimizers.Setup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every invalid configuration and every mismatched argument is an
 * {@link IllegalArgumentException} whose message names the parameter, the value and what was
 * expected; nothing is updated before the check.
 */
class OptimizerBadInputTest {

    private static final double[] NOT_FINITE = {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};

    private static IllegalArgumentException refused(Executable e, String... fragments) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f),
                    "message \"" + ex.getMessage() + "\" does not mention \"" + f + "\"");
        }
        return ex;
    }

    // ---------------------------------------------------------------------------------------
    // Builder parameters

    /** A named setter on a builder, then build(). */
    record Param(String name, DoubleFunction<Optimizer> build) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Param> learningRates() {
        return List.of(
                new Param("Sgd.learningRate", v -> Sgd.builder().learningRate(v).build()),
                new Param("Momentum.learningRate", v -> Momentum.builder().learningRate(v).build()),
                new Param("RmsProp.learningRate", v -> RmsProp.builder().learningRate(v).build()),
                new Param("Adam.learningRate", v -> Adam.builder().learningRate(v).build()),
                new Param("Sgd.of", Sgd::of));
    }

    static Stream<Arguments> badLearningRates() {
        List<Arguments> cases = new ArrayList<>();
        for (Param p : learningRates()) {
            for (double v : new double[] {-1e-3, -1, -Double.MIN_VALUE, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                cases.add(Arguments.of(p, v));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("badLearningRates")
    void badLearningRateIsRefused(Param p, double v) {
        refused(() -> p.build().apply(v), "learningRate", String.valueOf(v), ">= 0");
    }

    /** The half-open [0, 1) hyperparameters: β1, β2, ρ and the momentum coefficient. */
    static Stream<Arguments> badUnitIntervalParameters() {
        List<Param> params = List.of(
                new Param("beta1", v -> Adam.builder().beta1(v).build()),
                new Param("beta2", v -> Adam.builder().beta2(v).build()),
                new Param("rho", v -> RmsProp.builder().rho(v).build()),
                new Param("momentum", v -> Momentum.builder().momentum(v).build()),
                new Param("momentum", v -> Momentum.builder().form(Momentum.Form.EMA)
                        .momentum(v).build()),
                new Param("momentum", v -> Momentum.builder().form(Momentum.Form.NESTEROV)
                        .momentum(v).build()));
        List<Arguments> cases = new ArrayList<>();
        for (Param p : params) {
            for (double v : new double[] {1.0, 1.2, -0.1, -Double.MIN_VALUE, 1e300, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                cases.add(Arguments.of(p, v));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("badUnitIntervalParameters")
    void hyperparameterOutsideZeroOneIsRefused(Param p, double v) {
        refused(() -> p.build().apply(v), p.name() + " must be in [0, 1)", "got " + v);
    }

    @Test
    void theEdgesOfZeroOneAreAccepted() {
        assertEquals(0.0, Adam.builder().beta1(0).beta2(0).build().beta1());
        assertEquals(Math.nextDown(1.0), RmsProp.builder().rho(Math.nextDown(1.0)).build().rho());
        assertEquals(0.0, Momentum.builder().momentum(0).build().momentum());
    }

    static Stream<Arguments> badEpsilons() {
        List<Param> params = List.of(
                new Param("Adam", v -> Adam.builder().epsilon(v).build()),
                new Param("RmsProp", v -> RmsProp.builder().epsilon(v).build()));
        List<Arguments> cases = new ArrayList<>();
        for (Param p : params) {
            for (double v : new double[] {0.0, -0.0, -1e-8, Double.NaN, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY}) {
                cases.add(Arguments.of(p, v));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}.epsilon({1})")
    @MethodSource("badEpsilons")
    void epsilonNotPositiveIsRefused(Param p, double v) {
        refused(() -> p.build().apply(v), "epsilon", "> 0", "got " + v);
    }

    static Stream<Arguments> badWeightDecays() {
        List<Arguments> cases = new ArrayList<>();
        for (double v : new double[] {-0.01, -Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            cases.add(Arguments.of(new Param("weightDecay",
                    x -> Sgd.builder().weightDecay(x).build()), v));
            cases.add(Arguments.of(new Param("weightDecay",
                    x -> Momentum.builder().weightDecay(x).build()), v));
            cases.add(Arguments.of(new Param("weightDecay",
                    x -> RmsProp.builder().weightDecay(x).build()), v));
            cases.add(Arguments.of(new Param("weightDecay",
                    x -> Adam.builder().weightDecay(x).build()), v));
            cases.add(Arguments.of(new Param("decoupled weightDecay",
                    x -> Adam.builder().decoupledWeightDecay(x).build()), v));
            cases.add(Arguments.of(new Param("decoupled weightDecay",
                    x -> Sgd.builder().decoupledWeightDecay(x).build()), v));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}({1})")
    @MethodSource("badWeightDecays")
    void negativeOrNonFiniteWeightDecayIsRefused(Param p, double v) {
        refused(() -> p.build().apply(v), "weightDecay", ">= 0", "got " + v);
    }

    @Test
    void clippingThresholdNotPositiveIsRefused() {
        for (double v : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY}) {
            refused(() -> Clipping.byValue(v), "clipping threshold", "> 0", "got " + v);
            refused(() -> Clipping.byGlobalNorm(v), "clipping threshold", "> 0", "got " + v);
            refused(() -> new Clipping(Clipping.Mode.BY_VALUE, v), "clipping threshold");
        }
        refused(() -> new Clipping(null, 1.0), "mode must not be null");
        refused(() -> Adam.builder().clipping(null), "clipping must not be null");
    }

    @Test
    void nullAndUnknownChoicesAreRefused() {
        refused(() -> Sgd.builder().learningRate((Schedule) null), "learningRate", "null");
        refused(() -> Momentum.builder().form(null).build(), "form must not be null");
        refused(() -> Momentum.Form.fromLabel("polyak"), "momentum form", "ema, heavy-ball,"
                + " nesterov", "got polyak");
    }

    // ---------------------------------------------------------------------------------------
    // Schedules that give a bad rate

    @Test
    void aScheduleNegativeAtStepZeroIsRefusedAtConstruction() {
        refused(() -> Adam.builder().learningRate(k -> -0.1).build(),
                "learning rate at step 0", ">= 0", "got -0.1");
        refused(() -> Sgd.builder().learningRate(k -> Double.NaN).build(),
                "learning rate at step 0", "got NaN");
    }

    /**
     * A schedule that turns negative (or NaN, or infinite) at step 3 is refused at that step,
     * naming it, before anything is touched: parameters, state and step counter stay as they
     * were, through both APIs.
     */
    @Test
    void aScheduleBadAtALaterStepIsRefusedAtThatStepAndTouchesNothing() {
        for (double bad : new double[] {-0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            for (TestOptimizers.Kind kind : TestOptimizers.Kind.values()) {
                Optimizer opt = new Setup(kind, k -> k < 3 ? 0.1 : bad, 0.9, 0.999,
                        Decay.COUPLED, 0.01, Clipping.none()).build();
                INDArray p = Nd4j.createFromArray(1.0, -2.0);
                INDArray g = Nd4j.createFromArray(0.5, 0.25);
                OptimizerState s = opt.init(p);
                double[] plain = {1.0, -2.0};
                OptimizerState ps = opt.init(plain);
                for (int k = 0; k < 3; k++) {
                    opt.step(p, g, s);
                    opt.step(plain, new double[] {0.5, 0.25}, ps);
                }
                double[] before = p.toDoubleVector();
                double[] buffersBefore = s.bufferCount() > 0 ? s.bufferValues(0) : new double[0];
                refused(() -> opt.step(p, g, s), "learning rate at step 3", "got " + bad);
                refused(() -> opt.step(plain, new double[] {0.5, 0.25}, ps),
                        "learning rate at step 3", "got " + bad);
                assertArrayEquals(before, p.toDoubleVector(), 0.0);
                assertArrayEquals(before, plain, 0.0);
                assertEquals(3, s.step());
                assertEquals(3, ps.step());
                if (s.bufferCount() > 0) {
                    assertArrayEquals(buffersBefore, s.bufferValues(0), 0.0);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Parameters, gradient and state that do not fit

    static List<Optimizer> optimizers() {
        return TestOptimizers.all(0.01).stream().map(Setup::build).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void badParameterArraysAreRefusedByInit(Optimizer opt) {
        refused(() -> opt.init((INDArray) null), "params must not be null");
        refused(() -> opt.init((double[]) null), "params", "null");
        refused(() -> opt.init(new double[0]), "params", "empty", "length 0");
        refused(() -> opt.init(Nd4j.create(DataType.DOUBLE, 0)), "params must not be empty",
                "[0]");
        refused(() -> opt.init(Nd4j.create(DataType.FLOAT, 2, 0)), "params must not be empty",
                "[2, 0]");
        refused(() -> opt.init(Nd4j.createFromArray(1, 2, 3)), "params must be FLOAT or DOUBLE",
                "got INT");
        refused(() -> opt.init(Nd4j.createFromArray(1L, 2L)), "params", "got LONG");
        refused(() -> opt.init(Nd4j.createFromArray(new double[] {1, 2}).castTo(DataType.HALF)),
                "params", "got HALF");
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        refused(() -> opt.init(m.getColumn(1)), "params must be a dense array", "strides");
        refused(() -> opt.init(m.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3))), "params",
                "dense", "[2, 2]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void mismatchedArgumentsAreRefusedByStepBeforeAnythingIsTouched(Optimizer opt) {
        INDArray p = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray g = Nd4j.createFromArray(new double[][] {{1, 1, 1}, {1, 1, 1}});
        OptimizerState s = opt.init(p);
        double[] before = p.dup().data().asDouble();

        refused(() -> opt.step(null, g, s), "params must not be null");
        refused(() -> opt.step(p, null, s), "gradient must not be null");
        refused(() -> opt.step(p, g, null), "state must not be null");
        refused(() -> opt.step(p, Nd4j.ones(DataType.DOUBLE, 3, 2), s),
                "gradient must have the shape of params [2, 3], got [3, 2]");
        refused(() -> opt.step(p, Nd4j.ones(DataType.DOUBLE, 6), s),
                "gradient", "[2, 3]", "[6]");
        refused(() -> opt.step(p, g.castTo(DataType.FLOAT), s),
                "gradient must have the data type of params (DOUBLE), got FLOAT");
        refused(() -> opt.step(p, Nd4j.ones(DataType.INT, 2, 3), s), "gradient", "INT");
        refused(() -> opt.step(p, g.dup('f'), s), "gradient must have the memory ordering of"
                + " params ('c'), got 'f'");
        INDArray wide = Nd4j.ones(DataType.DOUBLE, 2, 6);
        refused(() -> opt.step(p, wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3)), s),
                "gradient must be a dense array");

        // State made for other parameters.
        INDArray q = Nd4j.ones(DataType.DOUBLE, 3, 2);
        refused(() -> opt.step(q, Nd4j.ones(DataType.DOUBLE, 3, 2), s),
                "state has shape [2, 3] but params have shape [3, 2]");
        INDArray pf = p.castTo(DataType.FLOAT);
        refused(() -> opt.step(pf, g.castTo(DataType.FLOAT), s),
                "state has data type DOUBLE but params have data type FLOAT");
        OptimizerState plainState = opt.init(new double[6]);
        refused(() -> opt.step(p, g, plainState), "init(double[])", "INDArray");
        Optimizer other = opt instanceof Adam ? RmsProp.builder().build()
                : Adam.builder().build();
        refused(() -> other.step(p, g, s), "state belongs to a '" + opt.kind() + "' optimizer",
                "'" + other.kind() + "'");

        assertArrayEquals(before, p.data().asDouble(), 0.0, "params were touched");
        assertEquals(0, s.step(), "the step counter moved");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void mismatchedPlainArraysAreRefused(Optimizer opt) {
        double[] p = {1, 2, 3};
        OptimizerState s = opt.init(p);
        refused(() -> opt.step((double[]) null, new double[3], s), "params", "null");
        refused(() -> opt.step(new double[0], new double[0], s), "params", "empty");
        refused(() -> opt.step(p, (double[]) null, s), "gradient must not be null");
        refused(() -> opt.step(p, new double[2], s), "gradient must have length 3, got 2");
        refused(() -> opt.step(p, new double[3], null), "state must not be null");
        refused(() -> opt.step(new double[4], new double[4], s),
                "state has shape [3] but params have shape [4]");
        OptimizerState arrayState = opt.init(Nd4j.createFromArray(1.0, 2.0, 3.0));
        refused(() -> opt.step(p, new double[3], arrayState), "init(INDArray)", "double[]");
        assertArrayEquals(new double[] {1, 2, 3}, p, 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void badRestoreArgumentsAreRefused(Optimizer opt) throws Exception {
        INDArray p = Nd4j.createFromArray(1.0, 2.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        opt.init(p).save(out);
        byte[] saved = out.toByteArray();
        refused(() -> opt.restore(new ByteArrayInputStream(saved), null),
                "params must not be null");
        refused(() -> opt.restore(new ByteArrayInputStream(saved), Nd4j.createFromArray(1, 2)),
                "params must be FLOAT or DOUBLE", "INT");
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        refused(() -> opt.restore(new ByteArrayInputStream(saved), m.getColumn(0)),
                "params must be a dense array");
        refused(() -> opt.restore((InputStream) null, p), "in must not be null");
        refused(() -> OptimizerState.read(null, opt, 2), "in must not be null");
        refused(() -> opt.init(p).save(null), "out must not be null");
    }
}
