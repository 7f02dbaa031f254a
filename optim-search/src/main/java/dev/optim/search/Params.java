package dev.optim.search;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a trial's active parameters, in the space's order: {@link Double} for continuous
 * parameters, {@link Long} for integers, {@link String} for categories. Inactive conditional
 * parameters are absent. Immutable.
 *
 * @serial exclude
 */
public final class Params implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> values;

    Params(LinkedHashMap<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /**
     * Whether a parameter is active in this trial.
     *
     * @param name the parameter's name
     * @return true if it has a value
     */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * A numeric parameter's value as a double.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if the parameter is absent or not numeric
     */
    public double getDouble(String name) {
        if (get(name) instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("parameter '" + name + "' is categorical: " + get(name));
    }

    /**
     * An integer parameter's value.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if the parameter is absent or not an integer parameter
     */
    public long getLong(String name) {
        if (get(name) instanceof Long n) {
            return n;
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not an integer: " + get(name));
    }

    /**
     * An integer parameter's value as an int.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if the parameter is absent, not an integer parameter, or
     *     outside the int range
     */
    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    /**
     * A categorical parameter's value.
     *
     * @param name the parameter's name
     * @return the choice
     * @throws IllegalArgumentException if the parameter is absent
     */
    public String getString(String name) {
        return get(name).toString();
    }

    /**
     * A parameter's value.
     *
     * @param name the parameter's name
     * @return the value
     * @throws IllegalArgumentException if the parameter is absent (unknown or inactive)
     */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has no value in this trial "
                    + "(unknown, or inactive under its condition); present: " + values.keySet());
        }
        return v;
    }

    /**
     * The values, in the space's order.
     *
     * @return an unmodifiable view
     */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Params p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        var sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}
