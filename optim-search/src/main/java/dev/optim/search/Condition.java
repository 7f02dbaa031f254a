package dev.optim.search;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * When a conditional {@link Parameter} is active: when the categorical parameter {@code parent}
 * takes one of {@code values} ("momentum only when optimizer = momentum"). A parameter whose
 * parent is itself inactive is inactive too. Checked against the space by
 * {@link SearchSpace.Builder#build()}: the parent must be a categorical parameter declared
 * earlier, and every value one of its choices.
 *
 * @param parent the name of the categorical parameter this one depends on
 * @param values the parent's choices under which this parameter is active, at least one
 *
 * @serial exclude
 */
public record Condition(String parent, List<String> values) implements Serializable {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code parent} is blank or {@code values} is empty
     * @param parent the name of the categorical parameter this one depends on
     * @param values the parent's choices under which this parameter is active, at least one
     */
    public Condition {
        Objects.requireNonNull(parent, "parent");
        if (parent.isBlank()) {
            throw new IllegalArgumentException("condition parent must not be blank");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(
                    "condition on '" + parent + "' needs at least one value, got none");
        }
        values = List.copyOf(values);
    }

    /**
     * Whether the condition holds for a value of the parent.
     *
     * @param parentValue the parent's value, or {@code null} if the parent is inactive
     * @return true if the dependent parameter is active
     */
    public boolean holds(Object parentValue) {
        return parentValue != null && values.contains(parentValue.toString());
    }

    @Override
    public String toString() {
        return parent + " in " + values;
    }
}
