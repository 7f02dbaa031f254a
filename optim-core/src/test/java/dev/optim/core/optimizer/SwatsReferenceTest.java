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
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SWATS against the paper's Algorithm 1 ({@code fixtures/swats/}, from
 * {@code tools/fixtures/gen_swats_schedulefree_fixtures.py}): the trajectory, the switch step and
 * the estimated SGD rate, 100 steps, float64, to 1e-12.
 */
class SwatsReferenceTest {

    static Stream<CatalogueFixture> cases() {
        return CatalogueFixture.all("/fixtures/swats/").stream();
    }

    static Swats optimizer(CatalogueFixture c) {
        return Swats.builder().learningRate(c.number("lr")).beta1(c.number("beta1"))
                .beta2(c.number("beta2")).epsilon(c.number("eps"))
                .switchTolerance(c.number("tol")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesAlgorithmOne(CatalogueFixture c) {
        int n = c.rows()[0].length;
        Swats swats = optimizer(c);
        double[] x = c.start(n);
        INDArray xa = Nd4j.createFromArray(x.clone());
        OptimizerState s = swats.init(x);
        OptimizerState sa = swats.init(xa);
        double scale = Arrays.stream(x).map(Math::abs).max().orElse(1);
        double worst = 0;
        for (int k = 1; k < c.rows().length; k++) {
            swats.step(x, c.gradient(x), s);
            swats.step(xa, Nd4j.createFromArray(c.gradient(xa.toDoubleVector())), sa);
            worst = Math.max(worst, LookaheadTest.maxError(c.rows()[k], x, scale));
            worst = Math.max(worst, LookaheadTest.maxError(c.rows()[k], xa.toDoubleVector(), scale));
        }
        long switchStep = Long.parseLong(c.meta().get("switch_step"));
        assertEquals(switchStep, Swats.switchStep(s), c.name());
        assertEquals(switchStep, Swats.switchStep(sa), c.name());
        if (switchStep > 0) {
            double want = c.number("sgd_rate");
            worst = Math.max(worst, Math.abs(Swats.sgdRate(s) - want) / want);
        } else {
            assertTrue(Double.isNaN(Swats.sgdRate(s)));
        }
        System.out.println("SWATS " + c.name() + ": switch " + switchStep + ", max relative error "
                + worst);
        assertTrue(worst <= 1e-12, c.name() + ": " + worst);
    }

    /** Saved before and after the switch and restored, the run continues bit for bit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saveAndRestoreContinueBitForBit(CatalogueFixture c) throws IOException {
        int n = c.rows()[0].length;
        Swats swats = optimizer(c);
        for (int at : new int[] {1, 20, 60}) {
            INDArray a = Nd4j.createFromArray(c.start(n));
            OptimizerState sa = swats.init(a);
            for (int k = 0; k < at; k++) {
                swats.step(a, Nd4j.createFromArray(c.gradient(a.toDoubleVector())), sa);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            sa.save(bytes);
            INDArray b = a.dup();
            OptimizerState sb = swats.restore(new ByteArrayInputStream(bytes.toByteArray()), b);
            assertEquals(Swats.switchStep(sa), Swats.switchStep(sb));
            for (int k = at; k < 100; k++) {
                swats.step(a, Nd4j.createFromArray(c.gradient(a.toDoubleVector())), sa);
                swats.step(b, Nd4j.createFromArray(c.gradient(b.toDoubleVector())), sb);
            }
            assertArrayEquals(a.toDoubleVector(), b.toDoubleVector(), 0.0);
        }
    }

    /** After the switch SWATS is SGD with heavy-ball momentum at rate (1 − β1)·Λ. */
    @Test
    void afterTheSwitchItIsMomentumSgd() {
        CatalogueFixture c = cases().filter(x -> Long.parseLong(x.meta().get("switch_step")) > 0)
                .findFirst().orElseThrow();
        Swats swats = optimizer(c);
        double[] x = c.start(c.rows()[0].length);
        OptimizerState s = swats.init(x);
        while (Swats.switchStep(s) == 0) {
            swats.step(x, c.gradient(x), s);
        }
        double rate = (1 - swats.beta1()) * Swats.sgdRate(s);
        Momentum sgd = Momentum.builder().learningRate(rate).momentum(swats.beta1())
                .form(Momentum.Form.HEAVY_BALL).build();
        double[] y = x.clone();
        OptimizerState sm = sgd.init(y);
        for (int k = 0; k < 30; k++) {
            swats.step(x, c.gradient(x), s);
            sgd.step(y, c.gradient(y), sm);
        }
        assertArrayEquals(y, x, 1e-12);
    }

    /**
     * Optax-style convergence on the 5-D quadratic: the switch happens and the SGD phase, at the
     * estimated rate, still reaches the minimum.
     */
    @Test
    void convergesOnAQuadraticAfterTheSwitch() {
        Swats swats = Swats.builder().learningRate(0.01).switchTolerance(1e-6).build();
        double[] x = {1.0, -2.0, 0.5, 3.0, -1.5};
        OptimizerState s = swats.init(x);
        for (int k = 0; k < 40000; k++) {
            swats.step(x, LookaheadTest.gradient("quadratic", x), s);
        }
        assertTrue(Swats.switchStep(s) > 0);
        assertArrayEquals(new double[5], x, 1e-3);
    }

    @Test
    void badSettingsNameTheSettingAndTheRange() {
        assertEquals("beta2 must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> Swats.builder().beta2(1).build()).getMessage());
        assertEquals("switchTolerance must be finite and > 0, got 0.0",
                assertThrows(IllegalArgumentException.class,
                        () -> Swats.builder().switchTolerance(0).build()).getMessage());
        assertEquals("epsilon must be finite and > 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> Swats.builder().epsilon(-1).build()).getMessage());
        assertEquals(Swats.DEFAULT_EPSILON, Swats.builder().build().switchTolerance());
    }
}
