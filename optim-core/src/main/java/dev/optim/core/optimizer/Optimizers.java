package dev.optim.core.optimizer;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The optimizers by name, with their hyperparameters by name: what a command line or a
 * configuration file needs to build any optimizer of this package from strings.
 *
 * <p>Names: {@code sgd}, {@code momentum}, {@code rmsprop}, {@code adam}, {@code adamw} (Adam
 * whose {@code weightDecay} is decoupled), {@code amsgrad} (Adam with {@code amsgrad=true}),
 * {@code adagrad}, {@code adadelta}, {@code adamax}, {@code nadam}, {@code radam}, {@code lion},
 * {@code schedule-free-adamw} (its {@code weightDecay} and {@code decoupledWeightDecay} both
 * set its one decay λ; evaluate at {@link ScheduleFreeAdamW#evaluationPoint}). {@link Swats},
 * {@link Lookahead} (a wrapper) and {@link Lbfgs} (which needs the objective) are not
 * {@link BaseOptimizer}s and are built with their own builders.
 * Every optimizer takes {@code lr}, {@code weightDecay}, {@code decoupledWeightDecay},
 * {@code clipValue}, {@code clipNorm} and {@code skipNonFinite}; its own hyperparameters are
 * named as its builder's methods ({@code beta1}, {@code epsilon}, {@code form}, …), listed by
 * {@link #hyperparameters(String)}. Values are parsed as numbers, booleans ({@code true},
 * {@code false}) or, for {@code momentum}'s {@code form}, {@code ema}, {@code heavy-ball},
 * {@code nesterov}; the optimizer's own validation then applies.
 *
 * <pre>{@code
 * BaseOptimizer opt = Optimizers.create("adam", Map.of("lr", "0.01", "amsgrad", "true"));
 * }</pre>
 */
public final class Optimizers {

    /** One optimizer's entry: its builder and its hyperparameters' setters. */
    private record Entry(Supplier<BaseOptimizer.Builder<?>> builder,
            Map<String, BiConsumer<BaseOptimizer.Builder<?>, String>> own,
            Function<BaseOptimizer.Builder<?>, BaseOptimizer> build) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final List<String> COMMON = List.of("lr", "weightDecay",
            "decoupledWeightDecay", "clipValue", "clipNorm", "skipNonFinite");

    static {
        add("sgd", Sgd::builder, Map.of(), b -> ((Sgd.Builder) b).build());
        add("momentum", Momentum::builder, own()
                .put("momentum", (b, v) -> ((Momentum.Builder) b).momentum(number("momentum", v)))
                .put("form", (b, v) -> ((Momentum.Builder) b).form(Momentum.Form.fromLabel(v)))
                .map(),
                b -> ((Momentum.Builder) b).build());
        add("rmsprop", RmsProp::builder, own()
                .put("rho", (b, v) -> ((RmsProp.Builder) b).rho(number("rho", v)))
                .put("epsilon", (b, v) -> ((RmsProp.Builder) b).epsilon(number("epsilon", v)))
                .put("momentum", (b, v) -> ((RmsProp.Builder) b).momentum(number("momentum", v)))
                .put("centered", (b, v) -> ((RmsProp.Builder) b).centered(bool("centered", v)))
                .map(),
                b -> ((RmsProp.Builder) b).build());
        Map<String, BiConsumer<BaseOptimizer.Builder<?>, String>> adam = own()
                .put("beta1", (b, v) -> ((Adam.Builder) b).beta1(number("beta1", v)))
                .put("beta2", (b, v) -> ((Adam.Builder) b).beta2(number("beta2", v)))
                .put("epsilon", (b, v) -> ((Adam.Builder) b).epsilon(number("epsilon", v)))
                .put("amsgrad", (b, v) -> ((Adam.Builder) b).amsgrad(bool("amsgrad", v))).map();
        add("adam", Adam::builder, adam, b -> ((Adam.Builder) b).build());
        add("adamw", () -> Adam.builder().decoupledWeightDecay(0.01), adam,
                b -> ((Adam.Builder) b).build());
        add("amsgrad", () -> Adam.builder().amsgrad(true), adam,
                b -> ((Adam.Builder) b).build());
        add("adagrad", Adagrad::builder, own()
                .put("lrDecay", (b, v) -> ((Adagrad.Builder) b).lrDecay(number("lrDecay", v)))
                .put("initialAccumulator", (b, v) -> ((Adagrad.Builder) b)
                        .initialAccumulator(number("initialAccumulator", v)))
                .put("epsilon", (b, v) -> ((Adagrad.Builder) b).epsilon(number("epsilon", v)))
                .map(),
                b -> ((Adagrad.Builder) b).build());
        add("adadelta", Adadelta::builder, own()
                .put("rho", (b, v) -> ((Adadelta.Builder) b).rho(number("rho", v)))
                .put("epsilon", (b, v) -> ((Adadelta.Builder) b).epsilon(number("epsilon", v)))
                .map(),
                b -> ((Adadelta.Builder) b).build());
        add("adamax", Adamax::builder, own()
                .put("beta1", (b, v) -> ((Adamax.Builder) b).beta1(number("beta1", v)))
                .put("beta2", (b, v) -> ((Adamax.Builder) b).beta2(number("beta2", v)))
                .put("epsilon", (b, v) -> ((Adamax.Builder) b).epsilon(number("epsilon", v)))
                .map(),
                b -> ((Adamax.Builder) b).build());
        add("nadam", NAdam::builder, own()
                .put("beta1", (b, v) -> ((NAdam.Builder) b).beta1(number("beta1", v)))
                .put("beta2", (b, v) -> ((NAdam.Builder) b).beta2(number("beta2", v)))
                .put("epsilon", (b, v) -> ((NAdam.Builder) b).epsilon(number("epsilon", v)))
                .put("momentumDecay", (b, v) -> ((NAdam.Builder) b)
                        .momentumDecay(number("momentumDecay", v)))
                .map(),
                b -> ((NAdam.Builder) b).build());
        add("radam", RAdam::builder, own()
                .put("beta1", (b, v) -> ((RAdam.Builder) b).beta1(number("beta1", v)))
                .put("beta2", (b, v) -> ((RAdam.Builder) b).beta2(number("beta2", v)))
                .put("epsilon", (b, v) -> ((RAdam.Builder) b).epsilon(number("epsilon", v)))
                .map(),
                b -> ((RAdam.Builder) b).build());
        add("lion", Lion::builder, own()
                .put("beta1", (b, v) -> ((Lion.Builder) b).beta1(number("beta1", v)))
                .put("beta2", (b, v) -> ((Lion.Builder) b).beta2(number("beta2", v)))
                .map(),
                b -> ((Lion.Builder) b).build());
        add("schedule-free-adamw", ScheduleFreeAdamW::builder, own()
                .put("beta1", (b, v) -> ((ScheduleFreeAdamW.Builder) b).beta1(number("beta1", v)))
                .put("beta2", (b, v) -> ((ScheduleFreeAdamW.Builder) b).beta2(number("beta2", v)))
                .put("epsilon", (b, v) -> ((ScheduleFreeAdamW.Builder) b)
                        .epsilon(number("epsilon", v)))
                .put("decayAtZ", (b, v) -> ((ScheduleFreeAdamW.Builder) b)
                        .decayAtZ(bool("decayAtZ", v)))
                .put("warmupSteps", (b, v) -> ((ScheduleFreeAdamW.Builder) b)
                        .warmupSteps(longValue("warmupSteps", v)))
                .put("r", (b, v) -> ((ScheduleFreeAdamW.Builder) b).r(number("r", v)))
                .put("weightLrPower", (b, v) -> ((ScheduleFreeAdamW.Builder) b)
                        .weightLrPower(number("weightLrPower", v)))
                .map(),
                b -> ((ScheduleFreeAdamW.Builder) b).build());
    }

    private Optimizers() {}

    private static void add(String name, Supplier<BaseOptimizer.Builder<?>> builder,
            Map<String, BiConsumer<BaseOptimizer.Builder<?>, String>> own,
            Function<BaseOptimizer.Builder<?>, BaseOptimizer> build) {
        ENTRIES.put(name, new Entry(builder, own, build));
    }

    private static Own own() {
        return new Own();
    }

    /** An ordered map of hyperparameter setters, built fluently. */
    private static final class Own {
        private final Map<String, BiConsumer<BaseOptimizer.Builder<?>, String>> map =
                new LinkedHashMap<>();

        Own put(String key, BiConsumer<BaseOptimizer.Builder<?>, String> setter) {
            map.put(key, setter);
            return this;
        }

        Map<String, BiConsumer<BaseOptimizer.Builder<?>, String>> map() {
            return map;
        }
    }

    /**
     * The optimizer names, in a fixed order.
     *
     * @return the names
     */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * The hyperparameters that {@code name} accepts: the common ones, then its own.
     *
     * @param name an optimizer name
     * @return the hyperparameter names
     * @throws IllegalArgumentException if {@code name} is unknown
     */
    public static List<String> hyperparameters(String name) {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(entry(name).own().keySet());
        return Collections.unmodifiableList(all);
    }

    /**
     * Builds the optimizer {@code name} with the given hyperparameters; the others keep their
     * defaults.
     *
     * @param name an optimizer name (case-insensitive)
     * @param hyperparameters hyperparameter names and values, as strings
     * @return the optimizer
     * @throws IllegalArgumentException if the name or a hyperparameter is unknown, a value does
     *     not parse, or a value is out of its range (the message names it)
     */
    public static BaseOptimizer create(String name, Map<String, String> hyperparameters) {
        Entry e = entry(name);
        if (hyperparameters == null) {
            throw new IllegalArgumentException("hyperparameters must not be null");
        }
        BaseOptimizer.Builder<?> b = e.builder().get();
        for (Map.Entry<String, String> h : hyperparameters.entrySet()) {
            String key = h.getKey();
            String value = h.getValue();
            if (value == null) {
                throw new IllegalArgumentException(key + " must have a value, got null");
            }
            value = value.trim();
            BiConsumer<BaseOptimizer.Builder<?>, String> own = e.own().get(key);
            if (own != null) {
                own.accept(b, value);
                continue;
            }
            switch (key) {
                case "lr" -> b.learningRate(number("lr", value));
                case "weightDecay" -> b.weightDecay(number("weightDecay", value));
                case "decoupledWeightDecay" ->
                        b.decoupledWeightDecay(number("decoupledWeightDecay", value));
                case "clipValue" -> b.clipping(Clipping.byValue(number("clipValue", value)));
                case "clipNorm" -> b.clipping(Clipping.byGlobalNorm(number("clipNorm", value)));
                case "skipNonFinite" -> b.skipNonFinite(integer("skipNonFinite", value));
                default -> throw new IllegalArgumentException("unknown hyperparameter '" + key
                        + "' for " + name.trim().toLowerCase(Locale.ROOT) + "; known: "
                        + String.join(", ", hyperparameters(name)));
            }
        }
        return e.build().apply(b);
    }

    private static Entry entry(String name) {
        Entry e = name == null ? null : ENTRIES.get(name.trim().toLowerCase(Locale.ROOT));
        if (e == null) {
            throw new IllegalArgumentException("optimizer must be one of "
                    + String.join(", ", ENTRIES.keySet()) + ", got " + name);
        }
        return e;
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'");
        }
    }

    private static long longValue(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'");
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    }
}
