package dev.optim.examples.experiment;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Optimizer;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Lbfgs;
import dev.optim.core.optimizer.Lookahead;
import dev.optim.core.optimizer.Optimizers;
import dev.optim.core.optimizer.Swats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Every optimizer the examples can run, by name, with its hyperparameters by name: the library's
 * registry ({@link Optimizers#names()}: sgd, momentum, rmsprop, adam, adamw, amsgrad, adagrad,
 * adadelta, adamax, nadam, radam, lion, schedule-free-adamw) and two that it does not hold:
 * {@code swats} ({@link Swats}: lr, beta1, beta2, epsilon, switchTolerance) and {@code lbfgs} ({@link Lbfgs}: lr, historySize, maxIterations,
 * maxEvaluations, toleranceGrad, toleranceChange, lineSearch {@code strong-wolfe|none},
 * maxLineSearch). Hyperparameters are named as the builders' methods, as {@link Optimizers}
 * names them. Two more keys wrap any first-order optimizer: {@code lookahead} (Lookahead's sync
 * period k ≥ 1) and {@code lookaheadAlpha} (its slow step, default 0.5).
 *
 * <p>Unset values keep the library's defaults, with two exceptions for L-BFGS, whose defaults
 * (PyTorch's) suit one {@code step(closure)}, not a descent of N iterations: its
 * {@code maxIterations} defaults to the run's step budget (so the loop, not the optimizer, ends
 * it; {@code maxEvaluations} then defaults to ⌊5·maxIterations/4⌋ as in PyTorch), and its line
 * search to the strong-Wolfe one ({@code lineSearch=none} gives PyTorch's fixed step).
 *
 * <pre>{@code
 * Racer r = OptimizerCatalogue.create("lion", Map.of("lr", "1e-3", "beta1", "0.95"), 200, null);
 * }</pre>
 */
public final class OptimizerCatalogue {

    /** The names this catalogue adds to the library's registry. */
    private static final List<String> OWN = List.of("swats", "lbfgs");
    private static final List<String> SWATS_KEYS = List.of("lr", "beta1", "beta2", "epsilon",
            "switchTolerance");
    private static final List<String> LBFGS_KEYS = List.of("lr", "historySize", "maxIterations",
            "maxEvaluations", "toleranceGrad", "toleranceChange", "lineSearch", "maxLineSearch");
    private static final List<String> WRAPPERS = List.of("lookahead", "lookaheadAlpha");

    private OptimizerCatalogue() {}

    /**
     * Every name, the registry's first.
     *
     * @return the names
     */
    public static List<String> names() {
        List<String> all = new ArrayList<>(Optimizers.names());
        all.addAll(OWN);
        return List.copyOf(all);
    }

    /**
     * Whether {@code name} is in the catalogue.
     *
     * @param name a name
     * @return true if {@link #create} knows it
     */
    public static boolean contains(String name) {
        return name != null && names().contains(name);
    }

    /**
     * The hyperparameters {@code name} accepts, the wrappers' last (none for lbfgs).
     *
     * @param name a catalogue name
     * @return the keys
     * @throws IllegalArgumentException if the name is unknown
     */
    public static List<String> hyperparameters(String name) {
        List<String> keys = new ArrayList<>(switch (check(name)) {
            case "swats" -> SWATS_KEYS;
            case "lbfgs" -> LBFGS_KEYS;
            default -> Optimizers.hyperparameters(name);
        });
        if (!name.equals("lbfgs")) {
            keys.addAll(WRAPPERS);
        }
        return List.copyOf(keys);
    }

    /**
     * The default rate of {@code name} (the first update's, or L-BFGS's initial step).
     *
     * @param name a catalogue name
     * @return the rate
     * @throws IllegalArgumentException if the name is unknown
     */
    public static double defaultLearningRate(String name) {
        return switch (check(name)) {
            case "swats" -> Swats.DEFAULT_LEARNING_RATE;
            case "lbfgs" -> Lbfgs.DEFAULT_LEARNING_RATE;
            default -> Optimizers.create(name, Map.of()).learningRate().valueAt(0);
        };
    }

    /**
     * Builds optimizer {@code name}.
     *
     * @param name a catalogue name
     * @param hyperparameters keys and values as strings (see the class comment)
     * @param steps the run's step budget (L-BFGS's default {@code maxIterations})
     * @param schedule turns the rate ({@code lr}, or the default) into the schedule the
     *     optimizer uses; null for a constant rate
     * @return the racer, labelled {@code name}
     * @throws IllegalArgumentException naming the hyperparameter and value that is unknown, does
     *     not parse or is out of range, or if a schedule is given for lbfgs
     */
    public static Racer create(String name, Map<String, String> hyperparameters, long steps,
            DoubleFunction<Schedule> schedule) {
        check(name);
        Map<String, String> hp = new LinkedHashMap<>(hyperparameters);
        for (String key : hp.keySet()) {
            if (!hyperparameters(name).contains(key)) {
                throw new IllegalArgumentException("unknown hyperparameter '" + key + "' for "
                        + name + "; known: " + String.join(", ", hyperparameters(name)));
            }
        }
        String k = hp.remove("lookahead");
        String alpha = hp.remove("lookaheadAlpha");
        double lr = hp.containsKey("lr") ? rate(hp.remove("lr")) : defaultLearningRate(name);
        if (name.equals("lbfgs")) {
            if (schedule != null) {
                throw new IllegalArgumentException("lbfgs takes no learning-rate schedule (its"
                        + " line search sets the step); use a constant schedule");
            }
            return new Racer(name, null, lbfgs(hp, lr, steps));
        }
        Schedule s = schedule == null ? Schedule.constant(lr) : schedule.apply(lr);
        Optimizer o = switch (name) {
            case "swats" -> swats(hp, s);
            default -> {
                BaseOptimizer base = Optimizers.create(name, hp);
                yield base.toBuilder().learningRate(s).build();
            }
        };
        if (k == null && alpha != null) {
            throw new IllegalArgumentException("lookaheadAlpha=" + alpha + " needs lookahead=K");
        }
        if (k != null) {
            Lookahead.Builder b = Lookahead.builder(o).k(integer("lookahead", k));
            if (alpha != null) {
                b.alpha(number("lookaheadAlpha", alpha));
            }
            o = b.build();
        }
        return Racer.of(name, o);
    }

    private static Optimizer swats(Map<String, String> hp, Schedule lr) {
        Swats.Builder b = Swats.builder().learningRate(lr);
        for (Map.Entry<String, String> e : hp.entrySet()) {
            double v = number(e.getKey(), e.getValue());
            switch (e.getKey()) {
                case "beta1" -> b.beta1(v);
                case "beta2" -> b.beta2(v);
                case "epsilon" -> b.epsilon(v);
                default -> b.switchTolerance(v);
            }
        }
        return b.build();
    }

    private static Lbfgs lbfgs(Map<String, String> hp, double lr, long steps) {
        Lbfgs.Builder b = Lbfgs.builder().learningRate(lr)
                .maxIterations((int) Math.max(1, Math.min(Integer.MAX_VALUE, steps)))
                .lineSearch(Lbfgs.LineSearch.STRONG_WOLFE);
        for (Map.Entry<String, String> e : hp.entrySet()) {
            String key = e.getKey();
            String v = e.getValue();
            switch (key) {
                case "historySize" -> b.historySize(integer(key, v));
                case "maxIterations" -> b.maxIterations(integer(key, v));
                case "maxEvaluations" -> b.maxEvaluations(integer(key, v));
                case "toleranceGrad" -> b.toleranceGrad(number(key, v));
                case "toleranceChange" -> b.toleranceChange(number(key, v));
                case "maxLineSearch" -> b.maxLineSearch(integer(key, v));
                default -> b.lineSearch(lineSearch(v));
            }
        }
        return b.build();
    }

    private static Lbfgs.LineSearch lineSearch(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "strong-wolfe" -> Lbfgs.LineSearch.STRONG_WOLFE;
            case "none" -> Lbfgs.LineSearch.NONE;
            default -> throw new IllegalArgumentException(
                    "lineSearch must be strong-wolfe or none, got '" + v + "'");
        };
    }

    private static String check(String name) {
        if (!contains(name)) {
            throw new IllegalArgumentException("optimizer must be one of "
                    + String.join(", ", names()) + ", got '" + name + "'");
        }
        return name;
    }

    private static double rate(String v) {
        double lr = number("lr", v);
        if (!(lr >= 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and >= 0, got " + v.trim());
        }
        return lr;
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
        }
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'");
        }
    }
}
