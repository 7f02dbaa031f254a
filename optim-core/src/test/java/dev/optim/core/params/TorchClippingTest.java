package dev.optim.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A PyTorch recipe ported bit for bit (to 1e-12 relative, float64): a 3-tensor set in two
 * parameter groups, {@code clip_grad_norm_} over the whole set, then SGD, heavy-ball or
 * Nesterov momentum, RMSprop, Adam or AdamW, 30 steps, against
 * {@code tools/fixtures/gen_param_set_fixtures.py}. The same run with Optax's clipping form
 * differs, so the test tells the two forms apart.
 */
class TorchClippingTest {

    private static final String DIR = "/fixtures/paramsets/";
    private static final double TOLERANCE = 1e-12;
    private static final String[] NAMES = {"w", "b", "v"};
    private static final Map<String, long[]> SHAPES = Map.of("w", new long[] {4, 3}, "b",
            new long[] {3}, "v", new long[] {5});

    /** One parsed fixture. */
    record Fixture(String name, Map<String, String> meta, Map<String, double[]> start,
            Map<String, double[]> coef, List<Map<String, double[]>> noise,
            List<Map<String, double[]>> after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<Fixture> all = new ArrayList<>();
        for (String line : lines(DIR + "index.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                all.add(load(line.trim()));
            }
        }
        assertEquals(6, all.size());
        return all.stream();
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = TorchClippingTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing fixture " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .toList();
        }
    }

    private static double[] numbers(String[] cells, int from) {
        double[] v = new double[cells.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(cells[from + i]);
        }
        return v;
    }

    private static Fixture load(String file) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, double[]> start = new HashMap<>();
        Map<String, double[]> coef = new HashMap<>();
        List<Map<String, double[]>> noise = new ArrayList<>();
        List<Map<String, double[]>> after = new ArrayList<>();
        for (String line : lines(DIR + file)) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                continue;
            }
            String[] c = line.split(",");
            switch (c[0]) {
                case "start" -> start.put(c[1], numbers(c, 2));
                case "coef" -> coef.put(c[1], numbers(c, 2));
                case "noise", "after" -> {
                    List<Map<String, double[]>> list = c[0].equals("noise") ? noise : after;
                    int k = Integer.parseInt(c[1]);
                    while (list.size() <= k) {
                        list.add(new HashMap<>());
                    }
                    list.get(k).put(c[2], numbers(c, 3));
                }
                case "norm" -> { }
                default -> throw new IOException("bad line in " + file + ": " + line);
            }
        }
        return new Fixture(file, meta, start, coef, noise, after);
    }

    private static BaseOptimizer optimizer(Fixture f, Clipping clipping) {
        Map<String, String> m = f.meta();
        double lr = Double.parseDouble(m.get("lr"));
        double wd = Double.parseDouble(m.getOrDefault("weight_decay", "0"));
        BaseOptimizer.Builder<?> b = switch (f.name()) {
            case "sgd.txt" -> Sgd.builder();
            case "sgd-heavy-ball.txt" -> Momentum.builder().momentum(0.9)
                    .form(Momentum.Form.HEAVY_BALL);
            case "sgd-nesterov.txt" -> Momentum.builder().momentum(0.9)
                    .form(Momentum.Form.NESTEROV);
            case "rmsprop.txt" -> RmsProp.builder().rho(Double.parseDouble(m.get("alpha")))
                    .epsilon(Double.parseDouble(m.get("eps")));
            case "adam.txt", "adamw.txt" -> {
                String[] betas = m.get("betas").split(",");
                yield Adam.builder().beta1(Double.parseDouble(betas[0]))
                        .beta2(Double.parseDouble(betas[1]))
                        .epsilon(Double.parseDouble(m.get("eps")));
            }
            default -> throw new IllegalArgumentException(f.name());
        };
        b.learningRate(lr).clipping(clipping);
        if (f.name().equals("adamw.txt")) {
            b.decoupledWeightDecay(wd);
        } else {
            b.weightDecay(wd);
        }
        return b.build();
    }

    private static INDArray array(double[] values, long[] shape) {
        return Nd4j.createFromArray(values).reshape('c', shape).dup('c');
    }

    /** Runs the fixture's recipe; returns the worst relative error over all steps. */
    private static double worstError(Fixture f, Clipping clipping) {
        double lr = Double.parseDouble(f.meta().get("lr"));
        ParameterSet.Builder sb = ParameterSet.builder();
        for (String n : NAMES) {
            sb.add(n, array(f.start().get(n), SHAPES.get(n)));
        }
        ParameterSet set = sb.group("bias", GroupOverrides.builder().learningRate(lr / 2)
                .weightDecay(0).build(), n -> n.equals("b")).build();
        assertEquals(DataType.DOUBLE, set.dataType());
        ParameterSetOptimizer opt = ParameterSetOptimizer.of(optimizer(f, clipping));
        ParameterSetState state = opt.init(set);
        GradientSet grads = set.zerosLikeGradients();
        double worst = 0;
        for (int k = 0; k < f.noise().size(); k++) {
            for (String n : NAMES) {
                double[] theta = set.tensor(n).dup('c').data().asDouble();
                double[] a = f.coef().get(n);
                double[] noise = f.noise().get(k).get(n);
                double[] g = new double[theta.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = a[i] * theta[i] + noise[i];
                }
                grads.tensor(n).assign(array(g, SHAPES.get(n)));
            }
            opt.step(set, grads, state);
            for (String n : NAMES) {
                double[] got = set.tensor(n).dup('c').data().asDouble();
                double[] expected = f.after().get(k).get(n);
                for (int i = 0; i < got.length; i++) {
                    double err = Math.abs(got[i] - expected[i]) / Math.max(1e-3,
                            Math.abs(expected[i]));
                    worst = Math.max(worst, err);
                }
            }
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesClipGradNormThenTheTorchOptimizer(Fixture f) {
        double max = Double.parseDouble(f.meta().get("max_norm"));
        double worst = worstError(f, Clipping.byGlobalNormPyTorch(max));
        System.out.println("clip_grad_norm_ + " + f + ": worst relative error " + worst);
        assertTrue(worst <= TOLERANCE, f + ": worst relative error " + worst);
        double optax = worstError(f, Clipping.byGlobalNorm(max));
        assertTrue(optax > 1e3 * TOLERANCE, f + ": Optax's form should differ, error " + optax);
    }
}
