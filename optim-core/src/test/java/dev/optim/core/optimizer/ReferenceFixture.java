package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One reference trajectory from {@code fixtures/optimizers/}, written by
 * {@code tools/fixtures/gen_optimizer_fixtures.py}: the configuration (from the file's
 * {@code # key: value} lines) and the parameters after each of its steps (row 0 is the start).
 */
record ReferenceFixture(String name, Map<String, String> meta, double[][] rows) {

    private static final String DIR = "/fixtures/optimizers/";

    /** Every case listed in {@code index.txt}. */
    static List<ReferenceFixture> all() {
        List<ReferenceFixture> cases = new ArrayList<>();
        for (String line : lines(DIR + "index.txt")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(load(line.trim()));
            }
        }
        return cases;
    }

    static ReferenceFixture load(String file) {
        Map<String, String> meta = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        String header = null;
        for (String line : lines(DIR + file)) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
            } else if (header == null) {
                header = line;
            } else if (!line.isBlank()) {
                String[] cells = line.split(",");
                if (Integer.parseInt(cells[0]) != rows.size()) {
                    throw new IllegalStateException(file + ": step " + cells[0] + " out of order");
                }
                double[] row = new double[cells.length - 1];
                for (int i = 1; i < cells.length; i++) {
                    row[i - 1] = Double.parseDouble(cells[i]);
                }
                rows.add(row);
            }
        }
        ReferenceFixture f = new ReferenceFixture(meta.get("case"), meta, rows.toArray(new double[0][]));
        if (f.rows.length != f.steps() + 1) {
            throw new IllegalStateException(file + ": " + f.rows.length + " rows for "
                    + f.steps() + " steps");
        }
        return f;
    }

    private static List<String> lines(String resource) {
        InputStream in = ReferenceFixture.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String get(String key) {
        String v = meta.get(key);
        if (v == null) {
            throw new IllegalStateException(name + ": no '" + key + "' in the metadata");
        }
        return v;
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }

    double[] numbers(String key) {
        String[] parts = get(key).split(" ");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }

    int steps() {
        return Integer.parseInt(get("steps"));
    }

    boolean isFloat32() {
        return get("dtype").equals("float32");
    }

    String optimizerKind() {
        return get("optimizer");
    }

    ReferenceFunctions.Gradient gradient() {
        String function = get("function");
        return ReferenceFunctions.named(function,
                function.equals("quadratic") ? numbers("a") : null);
    }

    /**
     * The optimizer the fixture describes. A constant rate goes through
     * {@code learningRate(double)}; a decaying one is a lambda, as a caller would write it.
     */
    Optimizer optimizer() {
        double lr0 = number("lr");
        String kind = optimizerKind();
        BaseOptimizer.Builder<?> b;
        Supplier<Optimizer> build;
        switch (kind) {
            case "sgd" -> {
                Sgd.Builder s = Sgd.builder();
                b = s;
                build = s::build;
            }
            case "momentum-heavy-ball", "momentum-nesterov", "momentum-ema" -> {
                Momentum.Builder m = Momentum.builder().momentum(number("momentum"))
                        .form(Momentum.Form.fromLabel(kind.substring("momentum-".length())));
                b = m;
                build = m::build;
            }
            case "rmsprop", "rmsprop-centered", "rmsprop-momentum",
                    "rmsprop-centered-momentum" -> {
                RmsProp.Builder r = RmsProp.builder().rho(number("rho")).epsilon(number("eps"))
                        .centered(kind.contains("centered"))
                        .momentum(kind.endsWith("momentum") ? number("momentum") : 0.0);
                b = r;
                build = r::build;
            }
            case "adam", "adam-amsgrad" -> {
                Adam.Builder a = Adam.builder().beta1(number("beta1")).beta2(number("beta2"))
                        .epsilon(number("eps")).amsgrad(kind.equals("adam-amsgrad"));
                b = a;
                build = a::build;
            }
            case "adagrad" -> {
                Adagrad.Builder a = Adagrad.builder().epsilon(number("eps"))
                        .lrDecay(number("lr_decay"))
                        .initialAccumulator(number("initial_accumulator"));
                b = a;
                build = a::build;
            }
            case "adadelta" -> {
                Adadelta.Builder a = Adadelta.builder().rho(number("rho")).epsilon(number("eps"));
                b = a;
                build = a::build;
            }
            case "adamax" -> {
                Adamax.Builder a = Adamax.builder().beta1(number("beta1")).beta2(number("beta2"))
                        .epsilon(number("eps"));
                b = a;
                build = a::build;
            }
            case "nadam" -> {
                NAdam.Builder a = NAdam.builder().beta1(number("beta1")).beta2(number("beta2"))
                        .epsilon(number("eps")).momentumDecay(number("momentum_decay"));
                b = a;
                build = a::build;
            }
            case "radam" -> {
                RAdam.Builder a = RAdam.builder().beta1(number("beta1")).beta2(number("beta2"))
                        .epsilon(number("eps"));
                b = a;
                build = a::build;
            }
            case "lion" -> {
                Lion.Builder a = Lion.builder().beta1(number("beta1")).beta2(number("beta2"));
                b = a;
                build = a::build;
            }
            default -> throw new IllegalStateException(name + ": unknown optimizer " + kind);
        }
        switch (get("schedule")) {
            case "constant" -> b.learningRate(lr0);
            case "inverse-time" -> {
                double d = number("decay");
                b.learningRate(k -> lr0 / (1 + d * k));
            }
            case "exponential" -> {
                double gamma = number("gamma");
                b.learningRate(k -> lr0 * Math.pow(gamma, k));
            }
            default -> throw new IllegalStateException(name + ": schedule " + get("schedule"));
        }
        double wd = number("weight_decay");
        if (wd != 0) {
            if (Boolean.parseBoolean(get("decoupled"))) {
                b.decoupledWeightDecay(wd);
            } else {
                b.weightDecay(wd);
            }
        }
        switch (get("clipping")) {
            case "none" -> { }
            case "value" -> b.clipping(Clipping.byValue(number("clip")));
            case "global-norm" -> b.clipping(Clipping.byGlobalNorm(number("clip")));
            default -> throw new IllegalStateException(name + ": clipping " + get("clipping"));
        }
        return build.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
