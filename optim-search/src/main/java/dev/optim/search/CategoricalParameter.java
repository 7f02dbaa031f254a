package dev.optim.search;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A categorical parameter: one of {@code k} named choices, choice {@code ⌊u·k⌋} at unit coordinate
 * {@code u}. Made by {@link Parameter#categorical}. The Bayesian sampler encodes it one-hot.
 *
 * @param name the name
 * @param choices the choices, at least one, distinct
 * @param conditionOrNull the condition, or {@code null} if always active
 *
 * @serial exclude
 */
public record CategoricalParameter(String name, List<String> choices, Condition conditionOrNull)
        implements Parameter {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if there is no choice, a choice is blank or repeats
     * @param name the name
     * @param choices the choices, at least one, distinct
     * @param conditionOrNull the condition, or {@code null} if always active
     */
    public CategoricalParameter {
        Parameter.checkName(name);
        if (choices == null || choices.isEmpty()) {
            throw new IllegalArgumentException(
                    "parameter '" + name + "': a categorical parameter needs at least one choice, got none");
        }
        choices = List.copyOf(choices);
        var seen = new HashSet<String>();
        for (String c : choices) {
            if (c.isBlank() || !c.matches("[^=:,@|\\s]+")) {
                throw new IllegalArgumentException("parameter '" + name + "': choice '" + c
                        + "' must be non-blank without '=', ':', ',', '@', '|' or spaces");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException(
                        "parameter '" + name + "': choice '" + c + "' appears twice");
            }
        }
    }

    @Override
    public Optional<Condition> condition() {
        return Optional.ofNullable(conditionOrNull);
    }

    @Override
    public String decode(double u) {
        int k = choices.size();
        return choices.get(Math.min(k - 1, (int) Math.floor(Parameter.unit(u) * k)));
    }

    @Override
    public double encode(Object value) {
        int i = choices.indexOf(String.valueOf(value));
        if (i < 0) {
            throw new IllegalArgumentException("parameter '" + name + "': value '" + value
                    + "' is not one of " + choices);
        }
        return (i + 0.5) / choices.size();
    }

    @Override
    public CategoricalParameter when(String parent, String... values) {
        return new CategoricalParameter(name, choices, new Condition(parent, List.of(values)));
    }

    @Override
    public String describe() {
        return name + "=cat:" + String.join(",", choices) + ParameterSyntax.describe(conditionOrNull);
    }

    @Override
    public String toString() {
        return describe();
    }
}
