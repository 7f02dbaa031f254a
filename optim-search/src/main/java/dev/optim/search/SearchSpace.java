package dev.optim.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a search, in order. A point of the space is a unit vector
 * {@code u ∈ [0, 1)^d}, one coordinate per parameter, which {@link #decode(double[])} turns into
 * {@link Params}; samplers propose unit vectors. Immutable.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.builder()
 *         .add(Parameter.logUniform("lr", 1e-4, 1))
 *         .add(Parameter.integer("batch", 1, 300))
 *         .add(Parameter.categorical("optimizer", "sgd", "momentum"))
 *         .add(Parameter.uniform("momentum", 0, 0.99).when("optimizer", "momentum"))
 *         .build();
 * }</pre>
 *
 * @serial exclude
 */
public final class SearchSpace implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Parameter> parameters;
    private final Map<String, Integer> index;

    private SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        this.index = new HashMap<>();
        for (int i = 0; i < this.parameters.size(); i++) {
            index.put(this.parameters.get(i).name(), i);
        }
    }

    /**
     * A new, empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A space of the given parameters.
     *
     * @param parameters the parameters, at least one
     * @return the space
     * @throws IllegalArgumentException as {@link Builder#build()}
     */
    public static SearchSpace of(Parameter... parameters) {
        Builder b = builder();
        for (Parameter p : parameters) {
            b.add(p);
        }
        return b.build();
    }

    /**
     * The parameters, in order.
     *
     * @return an unmodifiable list
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The number of parameters, the length of a unit point.
     *
     * @return the dimension
     */
    public int dimension() {
        return parameters.size();
    }

    /**
     * The position of a parameter.
     *
     * @param name its name
     * @return its index in {@link #parameters()}
     * @throws IllegalArgumentException if there is no such parameter
     */
    public int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; the space has "
                    + index.keySet());
        }
        return i;
    }

    /**
     * Whether each parameter is active at a unit point (its condition holds and its parent is
     * active).
     *
     * @param u the unit point, of length {@link #dimension()}
     * @return one flag per parameter
     */
    public boolean[] active(double[] u) {
        checkPoint(u);
        boolean[] on = new boolean[parameters.size()];
        Object[] values = new Object[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            on[i] = p.condition().map(c -> {
                int j = index.get(c.parent());
                return on[j] && c.holds(values[j]);
            }).orElse(true);
            values[i] = on[i] ? p.decode(u[i]) : null;
        }
        return on;
    }

    /**
     * The values at a unit point; inactive parameters are left out.
     *
     * @param u the unit point, of length {@link #dimension()}, coordinates in {@code [0, 1]}
     * @return the values
     * @throws IllegalArgumentException if the length or a coordinate is wrong
     */
    public Params decode(double[] u) {
        boolean[] on = active(u);
        var values = new LinkedHashMap<String, Object>();
        for (int i = 0; i < parameters.size(); i++) {
            if (on[i]) {
                values.put(parameters.get(i).name(), parameters.get(i).decode(u[i]));
            }
        }
        return new Params(values);
    }

    private void checkPoint(double[] u) {
        if (u.length != parameters.size()) {
            throw new IllegalArgumentException("unit point has length " + u.length + ", the space has "
                    + parameters.size() + " parameters");
        }
    }

    /**
     * The space in the command line's syntax, one parameter after another separated by spaces.
     *
     * @return the description
     */
    public String describe() {
        var sb = new StringBuilder();
        for (Parameter p : parameters) {
            sb.append(sb.length() == 0 ? "" : " ").append(p.describe());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && s.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace[" + describe() + "]";
    }

    /** Builds a {@link SearchSpace}, checking names and conditions. */
    public static final class Builder {
        private final List<Parameter> parameters = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a parameter.
         *
         * @param parameter the parameter
         * @return this builder
         */
        public Builder add(Parameter parameter) {
            parameters.add(java.util.Objects.requireNonNull(parameter, "parameter"));
            return this;
        }

        /**
         * Builds the space.
         *
         * @return the space
         * @throws IllegalArgumentException if there is no parameter, a name repeats, or a
         *     condition names an unknown parameter, a later one, a non-categorical one, or a value
         *     that is not among its choices
         */
        public SearchSpace build() {
            if (parameters.isEmpty()) {
                throw new IllegalArgumentException("a search space needs at least one parameter, got none");
            }
            var seen = new LinkedHashMap<String, Parameter>();
            for (Parameter p : parameters) {
                if (seen.containsKey(p.name())) {
                    throw new IllegalArgumentException("duplicate parameter name '" + p.name() + "'");
                }
                p.condition().ifPresent(c -> {
                    Parameter parent = seen.get(c.parent());
                    if (parent == null) {
                        boolean later = parameters.stream().anyMatch(q -> q.name().equals(c.parent()));
                        throw new IllegalArgumentException("parameter '" + p.name() + "': condition names "
                                + (later ? "parameter '" + c.parent() + "', which must be declared before it"
                                        : "unknown parameter '" + c.parent() + "'; known before it: "
                                                + seen.keySet()));
                    }
                    if (!(parent instanceof CategoricalParameter cat)) {
                        throw new IllegalArgumentException("parameter '" + p.name() + "': condition parent '"
                                + c.parent() + "' must be categorical, got " + parent.describe());
                    }
                    for (String v : c.values()) {
                        if (!cat.choices().contains(v)) {
                            throw new IllegalArgumentException("parameter '" + p.name() + "': condition value '"
                                    + v + "' is not a choice of '" + c.parent() + "' " + cat.choices());
                        }
                    }
                });
                seen.put(p.name(), p);
            }
            return new SearchSpace(parameters);
        }
    }
}
