package dev.optim.core.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Lookahead: against the hand-rolled Algorithm 1 around PyTorch's optimizers
 * ({@code fixtures/lookahead/}, written by {@code tools/fixtures/gen_lookahead_fixtures.py}),
 * Optax's own lookahead tests, save and restore, bad input.
 */
class LookaheadTest {

    /** Relative to the case's scale, as the other optimizer fixtures (the inner rules agree with
     * PyTorch's to the last bits, not bit for bit). */
    static final double TOLERANCE = 1e-12;

    record Case(String name, Map<String, String> meta, double[][] rows) {
        @Override
        public String toString() {
            return name;
        }

        Lookahead optimizer() {
            double lr = Double.parseDouble(meta.get("lr"));
            Optimizer inner = switch (meta.get("inner")) {
                case "adam" -> Adam.builder().learningRate(lr).build();
                case "momentum-heavy-ball" -> Momentum.builder().learningRate(lr)
                        .form(Momentum.Form.HEAVY_BALL)
                        .momentum(Double.parseDouble(meta.get("momentum"))).build();
                case "rmsprop" -> RmsProp.builder().learningRate(lr).rho(0.9).epsilon(1e-8).build();
                default -> Sgd.builder().learningRate(lr).build();
            };
            return Lookahead.builder(inner).k(Integer.parseInt(meta.get("k")))
                    .alpha(Double.parseDouble(meta.get("alpha"))).build();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String file : read("/fixtures/lookahead/index.txt")) {
            if (file.isBlank() || file.startsWith("#")) {
                continue;
            }
            Map<String, String> meta = new LinkedHashMap<>();
            List<double[]> rows = new ArrayList<>();
            for (String line : read("/fixtures/lookahead/" + file.trim())) {
                if (line.startsWith("#")) {
                    int colon = line.indexOf(':');
                    meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                } else if (!line.startsWith("step") && !line.isBlank()) {
                    String[] c = line.split(",");
                    double[] row = new double[c.length - 1];
                    for (int i = 1; i < c.length; i++) {
                        row[i - 1] = Double.parseDouble(c[i]);
                    }
                    rows.add(row);
                }
            }
            cases.add(new Case(meta.get("name"), meta, rows.toArray(new double[0][])));
        }
        return cases.stream();
    }

    private static List<String> read(String resource) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LookaheadTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    static double[] gradient(String function, double[] p) {
        if (function.equals("rosenbrock")) {
            return ReferenceFunctions.named("rosenbrock", null).at(p);
        }
        return ReferenceFunctions.named("quadratic", new double[] {0.5, 1.0, 2.5, 10.0, 40.0}).at(p);
    }

    static double maxError(double[] want, double[] got, double scale) {
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), scale));
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsAlgorithmOneOnPlainArrays(Case c) {
        Lookahead la = c.optimizer();
        double[] p = c.rows()[0].clone();
        double scale = Arrays.stream(p).map(Math::abs).max().orElse(1);
        OptimizerState state = la.init(p);
        double worst = 0;
        for (int k = 1; k < c.rows().length; k++) {
            la.step(p, gradient(c.meta().get("function"), p), state);
            worst = Math.max(worst, maxError(c.rows()[k], p, scale));
        }
        System.out.println("Lookahead " + c.name() + " double[]: max relative error " + worst);
        assertTrue(worst <= TOLERANCE, c.name() + ": " + worst);
        assertEquals(c.rows().length - 1, state.step());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void followsAlgorithmOneOnFloat64Arrays(Case c) {
        Lookahead la = c.optimizer();
        INDArray p = Nd4j.createFromArray(c.rows()[0].clone());
        double scale = Arrays.stream(c.rows()[0]).map(Math::abs).max().orElse(1);
        OptimizerState state = la.init(p);
        double worst = 0;
        for (int k = 1; k < c.rows().length; k++) {
            INDArray g = Nd4j.createFromArray(gradient(c.meta().get("function"), p.toDoubleVector()));
            la.step(p, g, state);
            worst = Math.max(worst, maxError(c.rows()[k], p.toDoubleVector(), scale));
        }
        System.out.println("Lookahead " + c.name() + " INDArray: max relative error " + worst);
        assertTrue(worst <= TOLERANCE, c.name() + ": " + worst);
    }

    /** Saved after 37 steps and restored, the run goes on as if it never stopped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saveAndRestoreContinueBitForBit(Case c) throws IOException {
        Lookahead la = c.optimizer();
        String function = c.meta().get("function");
        INDArray a = Nd4j.createFromArray(c.rows()[0].clone());
        OptimizerState sa = la.init(a);
        for (int k = 0; k < 37; k++) {
            la.step(a, Nd4j.createFromArray(gradient(function, a.toDoubleVector())), sa);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sa.save(bytes);
        INDArray b = a.dup();
        OptimizerState sb = la.restore(new ByteArrayInputStream(bytes.toByteArray()), b);
        assertEquals(37, sb.step());
        assertArrayEquals(Lookahead.slowWeights(sa), Lookahead.slowWeights(sb), 0.0);
        for (int k = 37; k < 100; k++) {
            la.step(a, Nd4j.createFromArray(gradient(function, a.toDoubleVector())), sa);
            la.step(b, Nd4j.createFromArray(gradient(function, b.toDoubleVector())), sb);
        }
        assertArrayEquals(a.toDoubleVector(), b.toDoubleVector(), 0.0);
        assertEquals(la.stateBuffersPerParameter() * 8L * a.length(), sa.bytes());
    }

    /** A saved state is refused by another optimizer, and a corrupted one by this one. */
    @Test
    void foreignOrCorruptedStateIsRefused() throws IOException {
        Lookahead la = Lookahead.builder(Adam.builder().build()).build();
        INDArray p = Nd4j.createFromArray(1.0, 2.0);
        OptimizerState s = la.init(p);
        la.step(p, Nd4j.createFromArray(0.5, -0.5), s);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.save(bytes);
        byte[] saved = bytes.toByteArray();
        Lookahead other = Lookahead.builder(Sgd.of(0.1)).build();
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> other.restore(new ByteArrayInputStream(saved), p)).getMessage()
                .contains("'lookahead(adam)'"));
        assertThrows(IllegalArgumentException.class,
                () -> Adam.builder().build().restore(new ByteArrayInputStream(saved), p));
        byte[] corrupted = saved.clone();
        corrupted[corrupted.length / 2] ^= 1;
        assertThrows(IllegalArgumentException.class,
                () -> la.restore(new ByteArrayInputStream(corrupted), p));
        byte[] truncated = java.util.Arrays.copyOf(saved, saved.length - 9);
        assertThrows(IllegalArgumentException.class,
                () -> la.restore(new ByteArrayInputStream(truncated), p));
        assertThrows(IllegalArgumentException.class,
                () -> la.step(p, Nd4j.createFromArray(0.5, -0.5), Adam.builder().build().init(p)));
    }

    /**
     * Optax's {@code lookahead_test.test_lookahead}: a fast SGD moving each coordinate by −1 per
     * step from (3, −3) with sync period 3 and slow step 1/3 goes
     * 3 → 2 → 1 → 2 (sync) → 1 → 0 → 1 (sync).
     */
    @Test
    void optaxAnalyticCase() {
        Lookahead la = Lookahead.builder(Sgd.of(0.5)).k(3).alpha(1.0 / 3).build();
        double[] p = {3, -3};
        OptimizerState s = la.init(p);
        double[] xs = new double[6];
        for (int t = 0; t < 6; t++) {
            la.step(p, new double[] {2, -2}, s);
            xs[t] = p[0];
            assertEquals(-p[0], p[1], 1e-15);
        }
        assertArrayEquals(new double[] {2, 1, 2, 1, 0, 1}, xs, 1e-15);
    }

    /** Optax's {@code test_lookahead_edge_cases}: (k, α) = (1, 0.5), (1, 0), (1, 1), (2, 1). */
    @Test
    void optaxEdgeCases() {
        int[] ks = {1, 1, 1, 2};
        double[] alphas = {0.5, 0, 1, 1};
        double[] expected = {1, 3, -1, -1};
        for (int i = 0; i < ks.length; i++) {
            Lookahead la = Lookahead.builder(Sgd.of(1)).k(ks[i]).alpha(alphas[i]).build();
            double[] p = {3, -3};
            OptimizerState s = la.init(p);
            for (int t = 0; t < 2; t++) {
                la.step(p, new double[] {2, -2}, s);
            }
            assertArrayEquals(new double[] {expected[i], -expected[i]}, p, 1e-15,
                    "k=" + ks[i] + ", alpha=" + alphas[i]);
        }
    }

    /** The paper's claim in miniature: Lookahead around Adam still reaches Rosenbrock's minimum. */
    @Test
    void convergesOnRosenbrock() {
        Lookahead la = Lookahead.builder(Adam.builder().learningRate(0.02).build()).build();
        double[] p = {-1.5, 2};
        OptimizerState s = la.init(p);
        for (int t = 0; t < 20000; t++) {
            la.step(p, gradient("rosenbrock", p), s);
        }
        assertArrayEquals(new double[] {1, 1}, p, 1e-3);
    }

    @Test
    void badSettingsNameTheSettingAndTheRange() {
        assertEquals("k must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> Lookahead.builder(Sgd.of(1)).k(0).build()).getMessage());
        assertEquals("alpha must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> Lookahead.builder(Sgd.of(1)).alpha(1.5).build()).getMessage());
        assertEquals("inner must not be null", assertThrows(IllegalArgumentException.class,
                () -> Lookahead.builder(null)).getMessage());
    }
}
