package dev.optim.search;

import java.util.List;
import java.util.Optional;

/**
 * An integer parameter over {@code low, …, high}, uniform or log-uniform. Made by
 * {@link Parameter#integer} and {@link Parameter#logInteger}.
 *
 * <p>Uniform: {@code ⌊low + u·(high − low + 1)⌋}, each integer an equal share of the unit
 * interval. Log: {@code round(exp(ln(low − ½) + u·(ln(high + ½) − ln(low − ½))))} for
 * {@code low ≥ 1}, each integer {@code n} a share proportional to {@code ln((n+½)/(n−½))}.
 *
 * @param name the name
 * @param low the smallest value
 * @param high the largest value, {@code ≥ low}
 * @param log whether the values are log-uniform ({@code low ≥ 1} then)
 * @param conditionOrNull the condition, or {@code null} if always active
 *
 * @serial exclude
 */
public record IntParameter(String name, long low, long high, boolean log,
        Condition conditionOrNull) implements Parameter {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code high < low}, or a log range includes values
     *     below 1; the message names the parameter and the values
     * @param name the name
     * @param low the smallest value
     * @param high the largest value, {@code ≥ low}
     * @param log whether the values are log-uniform ({@code low ≥ 1} then)
     * @param conditionOrNull the condition, or {@code null} if always active
     */
    public IntParameter {
        Parameter.checkName(name);
        if (high < low) {
            throw new IllegalArgumentException("parameter '" + name + "': integer range [" + low + ", "
                    + high + "] is inverted; need low <= high");
        }
        if (log && low < 1) {
            throw new IllegalArgumentException("parameter '" + name
                    + "': a log integer range must be >= 1, got [" + low + ", " + high + "], which includes "
                    + (low == 0 ? "0" : "negative values"));
        }
    }

    @Override
    public Optional<Condition> condition() {
        return Optional.ofNullable(conditionOrNull);
    }

    private double lo() {
        return log ? Math.log(low - 0.5) : low;
    }

    private double hi() {
        return log ? Math.log(high + 0.5) : high + 1.0;
    }

    @Override
    public Long decode(double u) {
        double t = Parameter.unit(u);
        double x = lo() + t * (hi() - lo());
        long v = log ? Math.round(Math.exp(x)) : (long) Math.floor(x);
        return Math.max(low, Math.min(high, v));
    }

    @Override
    public double encode(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.longValue() < low || n.longValue() > high) {
            throw new IllegalArgumentException("parameter '" + name + "': value " + value
                    + " is not an integer in [" + low + ", " + high + "]");
        }
        long v = n.longValue();
        double a = log ? Math.log(v - 0.5) : v;
        double b = log ? Math.log(v + 0.5) : v + 1.0;
        return ((a + b) / 2 - lo()) / (hi() - lo());
    }

    /**
     * The number of values, {@code high − low + 1}.
     *
     * @return the count
     */
    public long count() {
        return high - low + 1;
    }

    @Override
    public IntParameter when(String parent, String... values) {
        return new IntParameter(name, low, high, log, new Condition(parent, List.of(values)));
    }

    @Override
    public String describe() {
        return name + "=" + (log ? "logint" : "int") + ":" + low + ":" + high
                + ParameterSyntax.describe(conditionOrNull);
    }

    @Override
    public String toString() {
        return describe();
    }
}
