package dev.optim.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReduceOnPlateau} against PyTorch 1.13's {@code ReduceLROnPlateau}
 * ({@code fixtures/plateau/plateau.csv}, written by {@code tools/fixtures/gen_plateau_fixtures.py}):
 * the same learning rate after every observed value, exactly.
 */
class PlateauTorchFixtureTest {

    record Case(String name, ReduceOnPlateau config, double lr0, List<double[]> rows) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        Map<String, Case> cases = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                PlateauTorchFixtureTest.class.getResourceAsStream("/fixtures/plateau/plateau.csv"),
                StandardCharsets.UTF_8))) {
            for (String line : r.lines().toList()) {
                if (line.startsWith("# config: ")) {
                    String[] c = line.substring(10).split(",");
                    ReduceOnPlateau config = ReduceOnPlateau.builder()
                            .mode(ReduceOnPlateau.Mode.valueOf(c[1].toUpperCase()))
                            .factor(Double.parseDouble(c[2]))
                            .patience(Integer.parseInt(c[3]))
                            .threshold(Double.parseDouble(c[4]),
                                    ReduceOnPlateau.ThresholdMode.valueOf(c[5].toUpperCase()))
                            .cooldown(Integer.parseInt(c[6]))
                            .minLr(Double.parseDouble(c[7]))
                            .eps(Double.parseDouble(c[8]))
                            .build();
                    cases.put(c[0], new Case(c[0], config, Double.parseDouble(c[9]), new ArrayList<>()));
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    String[] c = line.split(",");
                    cases.get(c[0]).rows().add(new double[] {Double.parseDouble(c[1]),
                            parse(c[2]), Double.parseDouble(c[3])});
                }
            }
        }
        return cases.values().stream();
    }

    private static double parse(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ratesEqualPyTorchs(Case c) {
        PlateauController controller = c.config().controller(c.lr0());
        for (double[] row : c.rows()) {
            double lr = controller.observe(row[1]);
            assertEquals(row[2], lr, 0.0, c.name() + " observation " + (long) row[0]);
            assertEquals((long) row[0], controller.observations());
        }
    }

    /** Saved half-way and loaded into a fresh controller, the run continues identically. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saveAndLoadContinueTheSameSequence(Case c) throws IOException {
        PlateauController a = c.config().controller(c.lr0());
        int half = c.rows().size() / 2;
        for (int i = 0; i < half; i++) {
            a.observe(c.rows().get(i)[1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        PlateauController b = c.config().controller(123.0);
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        for (int i = half; i < c.rows().size(); i++) {
            assertEquals(c.rows().get(i)[2], b.observe(c.rows().get(i)[1]), 0.0);
        }
    }

    @Test
    void reductionsAreCounted() throws IOException {
        Case c = cases().filter(x -> x.name().equals("patience2-half")).findFirst().orElseThrow();
        PlateauController p = c.config().controller(c.lr0());
        c.rows().forEach(r -> p.observe(r[1]));
        assertEquals(c.lr0() * Math.pow(0.5, p.reductions()), p.learningRate(), 1e-15);
        assertTrue(p.reductions() > 5);
    }

    @Test
    void badSettingsNameTheSettingAndTheRange() {
        assertEquals("factor must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().factor(1.0).build()).getMessage());
        assertEquals("patience must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().patience(-1).build()).getMessage());
        assertEquals("threshold must be finite and >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> ReduceOnPlateau.builder()
                        .threshold(-0.1, ReduceOnPlateau.ThresholdMode.ABS).build()).getMessage());
        assertEquals("thresholdMode must not be null", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().threshold(0.1, null).build()).getMessage());
        assertEquals("cooldown must be >= 0, got -2", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().cooldown(-2).build()).getMessage());
        assertEquals("minLr must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().minLr(-1).build()).getMessage());
        assertEquals("eps must be finite and >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().eps(Double.NaN).build()).getMessage());
        assertEquals("mode must not be null", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().mode(null).build()).getMessage());
        assertEquals("initialLr must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> ReduceOnPlateau.builder().build().controller(-1)).getMessage());
    }
}
