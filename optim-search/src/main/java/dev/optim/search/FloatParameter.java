package dev.optim.search;

import java.util.List;
import java.util.Optional;

/**
 * A continuous parameter, uniform or log-uniform over {@code [low, high]}. Made by
 * {@link Parameter#uniform} and {@link Parameter#logUniform}.
 *
 * @param name the name
 * @param low the lower bound
 * @param high the upper bound, {@code > low}
 * @param log whether the values are log-uniform ({@code low > 0} then)
 * @param conditionOrNull the condition, or {@code null} if always active
 *
 * @serial exclude
 */
public record FloatParameter(String name, double low, double high, boolean log,
        Condition conditionOrNull) implements Parameter {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the range is not finite, empty or inverted, or a log
     *     range includes 0 or negative values; the message names the parameter and the values
     * @param name the name
     * @param low the lower bound
     * @param high the upper bound, {@code > low}
     * @param log whether the values are log-uniform ({@code low > 0} then)
     * @param conditionOrNull the condition, or {@code null} if always active
     */
    public FloatParameter {
        Parameter.checkName(name);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "': range must be finite, got [" + low + ", " + high + "]");
        }
        if (!(high > low)) {
            throw new IllegalArgumentException("parameter '" + name + "': range [" + low + ", " + high
                    + "] is " + (high == low ? "empty" : "inverted") + "; need low < high");
        }
        if (log && !(low > 0)) {
            throw new IllegalArgumentException("parameter '" + name + "': a log range must be > 0, got ["
                    + low + ", " + high + "], which includes " + (low == 0 ? "0" : "negative values"));
        }
    }

    @Override
    public Optional<Condition> condition() {
        return Optional.ofNullable(conditionOrNull);
    }

    @Override
    public Double decode(double u) {
        double t = u == 1 ? 1 : Parameter.unit(u);
        if (t == 0 || t == 1) {
            return t == 0 ? low : high;
        }
        double v = log
                ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
                : low + t * (high - low);
        return Math.max(low, Math.min(high, v));
    }

    @Override
    public double encode(Object value) {
        if (!(value instanceof Number n) || !(n.doubleValue() >= low && n.doubleValue() <= high)) {
            throw new IllegalArgumentException("parameter '" + name + "': value " + value
                    + " is not in [" + low + ", " + high + "]");
        }
        double v = n.doubleValue();
        double u = log
                ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))
                : (v - low) / (high - low);
        return Math.max(0, Math.min(1, u));
    }

    @Override
    public FloatParameter when(String parent, String... values) {
        return new FloatParameter(name, low, high, log, new Condition(parent, List.of(values)));
    }

    @Override
    public String describe() {
        return name + "=" + (log ? "log" : "uniform") + ":" + low + ":" + high
                + ParameterSyntax.describe(conditionOrNull);
    }

    @Override
    public String toString() {
        return describe();
    }
}
