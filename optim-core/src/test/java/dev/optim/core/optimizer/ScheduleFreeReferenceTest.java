package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.OptimizerState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Schedule-Free AdamW against the reference implementation's formulas
 * ({@code fixtures/schedulefree/}, from {@code tools/fixtures/gen_swats_schedulefree_fixtures.py}):
 * both the parameters {@code y} and the evaluation point {@code x}, 100 steps, float64, to 1e-12.
 */
class ScheduleFreeReferenceTest {

    static final double TOLERANCE = 1e-12;

    static Stream<CatalogueFixture> cases() {
        return CatalogueFixture.all("/fixtures/schedulefree/").stream();
    }

    static ScheduleFreeAdamW optimizer(CatalogueFixture c) {
        return ScheduleFreeAdamW.builder().learningRate(c.number("lr"))
                .beta1(c.number("beta1")).beta2(c.number("beta2")).epsilon(c.number("eps"))
                .weightDecay(c.number("weight_decay"))
                .decayAtZ(Boolean.parseBoolean(c.meta().get("decay_at_z").toLowerCase()))
                .warmupSteps(Long.parseLong(c.meta().get("warmup_steps")))
                .r(c.number("r")).weightLrPower(c.number("weight_lr_power")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheReference(CatalogueFixture c) {
        int n = c.rows()[0].length / 2;
        ScheduleFreeAdamW sf = optimizer(c);
        double[] y = c.start(n);
        INDArray ya = Nd4j.createFromArray(y.clone());
        OptimizerState s = sf.init(y);
        OptimizerState sa = sf.init(ya);
        double scale = Arrays.stream(y).map(Math::abs).max().orElse(1);
        double worst = 0;
        for (int k = 1; k < c.rows().length; k++) {
            sf.step(y, c.gradient(y), s);
            sf.step(ya, Nd4j.createFromArray(c.gradient(ya.toDoubleVector())), sa);
            double[] want = c.rows()[k];
            double[] got = concat(y, ScheduleFreeAdamW.evaluationPoint(s, y));
            double[] gotArray = concat(ya.toDoubleVector(),
                    ScheduleFreeAdamW.evaluationPoint(sa, ya).toDoubleVector());
            worst = Math.max(worst, LookaheadTest.maxError(want, got, scale));
            worst = Math.max(worst, LookaheadTest.maxError(want, gotArray, scale));
        }
        System.out.println("Schedule-Free AdamW " + c.name() + ": max relative error " + worst);
        assertTrue(worst <= TOLERANCE, c.name() + ": " + worst);
    }

    /** Restored after 41 steps, the running weights are recomputed: the same bits after. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saveAndRestoreContinueBitForBit(CatalogueFixture c) throws IOException {
        int n = c.rows()[0].length / 2;
        ScheduleFreeAdamW sf = optimizer(c);
        INDArray a = Nd4j.createFromArray(c.start(n));
        OptimizerState sa = sf.init(a);
        for (int k = 0; k < 41; k++) {
            sf.step(a, Nd4j.createFromArray(c.gradient(a.toDoubleVector())), sa);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sa.save(bytes);
        INDArray b = a.dup();
        OptimizerState sb = sf.restore(new ByteArrayInputStream(bytes.toByteArray()), b);
        for (int k = 41; k < 100; k++) {
            sf.step(a, Nd4j.createFromArray(c.gradient(a.toDoubleVector())), sa);
            sf.step(b, Nd4j.createFromArray(c.gradient(b.toDoubleVector())), sb);
        }
        assertArrayEquals(a.toDoubleVector(), b.toDoubleVector(), 0.0);
        assertArrayEquals(ScheduleFreeAdamW.evaluationPoint(sa, a).toDoubleVector(),
                ScheduleFreeAdamW.evaluationPoint(sb, b).toDoubleVector(), 0.0);
    }

    /** Float32 parameters: float32 buffers, close to the float64 run. */
    @Test
    void float32FollowsFloat64() {
        CatalogueFixture c = cases().findFirst().orElseThrow();
        ScheduleFreeAdamW sf = optimizer(c);
        INDArray p = Nd4j.createFromArray(new float[] {-1.5f, 2f});
        OptimizerState s = sf.init(p);
        for (int k = 1; k < c.rows().length; k++) {
            double[] g = c.gradient(p.toDoubleVector());
            sf.step(p, Nd4j.createFromArray(new float[] {(float) g[0], (float) g[1]}), s);
        }
        assertEquals(DataType.FLOAT, s.dataType());
        assertArrayEquals(new double[] {c.rows()[100][0], c.rows()[100][1]}, p.toDoubleVector(), 1e-4);
    }

    /** Optax-style convergence: the 5-D quadratic reaches its minimum at the evaluation point. */
    @Test
    void convergesOnAQuadratic() {
        ScheduleFreeAdamW sf = ScheduleFreeAdamW.builder().learningRate(0.05).warmupSteps(50).build();
        double[] y = {1.0, -2.0, 0.5, 3.0, -1.5};
        OptimizerState s = sf.init(y);
        for (int k = 0; k < 3000; k++) {
            sf.step(y, LookaheadTest.gradient("quadratic", y), s);
        }
        assertArrayEquals(new double[5], ScheduleFreeAdamW.evaluationPoint(s, y), 1e-3);
        assertEquals(3, sf.stateBuffersPerParameter());
    }

    @Test
    void badSettingsNameTheSettingAndTheRange() {
        assertEquals("beta1 must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> ScheduleFreeAdamW.builder().beta1(1).build()).getMessage());
        assertEquals("warmupSteps must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> ScheduleFreeAdamW.builder().warmupSteps(-1).build()).getMessage());
        assertEquals("r must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> ScheduleFreeAdamW.builder().r(-1).build()).getMessage());
        assertEquals("weightLrPower must be finite and >= 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> ScheduleFreeAdamW.builder().weightLrPower(Double.NaN).build()).getMessage());
        assertEquals("weightDecay must be finite and >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class,
                        () -> ScheduleFreeAdamW.builder().weightDecay(-0.1).build()).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ScheduleFreeAdamW.evaluationPoint(Adam.builder().build().init(new double[2]),
                        new double[2]));
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
