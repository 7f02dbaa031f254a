package dev.optim.search;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One dimension of a {@link SearchSpace}: a name, its values, and an optional {@link Condition}
 * under which it is active.
 *
 * <p>Every parameter maps a unit coordinate {@code u ∈ [0, 1)} to a value ({@link #decode}) and
 * back ({@link #encode}), so that the samplers work on the unit cube:
 *
 * <ul>
 *   <li>{@link #uniform}: {@code low + u·(high − low)};
 *   <li>{@link #logUniform}: {@code exp(ln low + u·(ln high − ln low))}, for {@code 0 < low};
 *   <li>{@link #integer}: the uniform (or log-uniform, {@link #logInteger}) value over
 *       {@code [low, high + 1)} (log: {@code [low − ½, high + ½)}), floored (rounded) and clamped to
 *       {@code [low, high]}, so every integer gets an equal (log-proportional) share;
 *   <li>{@link #categorical}: choice {@code ⌊u·k⌋} of {@code k}.
 * </ul>
 *
 * <pre>{@code
 * Parameter lr = Parameter.logUniform("lr", 1e-4, 1);
 * Parameter momentum = Parameter.uniform("momentum", 0, 0.99).when("optimizer", "momentum");
 * }</pre>
 */
public sealed interface Parameter extends Serializable
        permits FloatParameter, IntParameter, CategoricalParameter {

    /**
     * The parameter's name, unique within a space.
     *
     * @return the name
     */
    String name();

    /**
     * The condition under which the parameter is active, if any.
     *
     * @return the condition, or empty if the parameter is always active
     */
    Optional<Condition> condition();

    /**
     * The value at a unit coordinate.
     *
     * @param u the coordinate, in {@code [0, 1]} (1 is treated as just below 1)
     * @return the value: a {@link Double}, a {@link Long} or a {@link String}
     */
    Object decode(double u);

    /**
     * A unit coordinate that decodes to {@code value}: the exact inverse for continuous
     * parameters, the centre of the value's cell for integers and categories.
     *
     * @param value a value of this parameter
     * @return the coordinate, in {@code [0, 1]}
     * @throws IllegalArgumentException if the value is not one of this parameter's
     */
    double encode(Object value);

    /**
     * A copy that is active only when {@code parent} takes one of {@code values}.
     *
     * @param parent the name of an earlier categorical parameter
     * @param values its choices under which this parameter is active
     * @return the conditional parameter
     */
    Parameter when(String parent, String... values);

    /**
     * The parameter in the command line's syntax, e.g. {@code lr=log:0.0001:1}.
     *
     * @return the description, which {@link #parse(String)} reads back
     */
    String describe();

    /**
     * A continuous parameter, uniform over {@code [low, high]}.
     *
     * @param name the name
     * @param low the lower bound, finite
     * @param high the upper bound, finite and {@code > low}
     * @return the parameter
     * @throws IllegalArgumentException if the range is empty, inverted or not finite
     */
    static FloatParameter uniform(String name, double low, double high) {
        return new FloatParameter(name, low, high, false, null);
    }

    /**
     * A continuous parameter, log-uniform over {@code [low, high]}.
     *
     * @param name the name
     * @param low the lower bound, {@code > 0}
     * @param high the upper bound, {@code > low}
     * @return the parameter
     * @throws IllegalArgumentException if the range is empty or inverted, or includes 0 or
     *     negative values
     */
    static FloatParameter logUniform(String name, double low, double high) {
        return new FloatParameter(name, low, high, true, null);
    }

    /**
     * An integer parameter, uniform over {@code low, …, high}.
     *
     * @param name the name
     * @param low the smallest value
     * @param high the largest value, {@code ≥ low}
     * @return the parameter
     * @throws IllegalArgumentException if {@code high < low}
     */
    static IntParameter integer(String name, long low, long high) {
        return new IntParameter(name, low, high, false, null);
    }

    /**
     * An integer parameter, log-uniform over {@code low, …, high}.
     *
     * @param name the name
     * @param low the smallest value, {@code ≥ 1}
     * @param high the largest value, {@code ≥ low}
     * @return the parameter
     * @throws IllegalArgumentException if {@code high < low} or {@code low < 1}
     */
    static IntParameter logInteger(String name, long low, long high) {
        return new IntParameter(name, low, high, true, null);
    }

    /**
     * A categorical parameter.
     *
     * @param name the name
     * @param choices the choices, at least one, distinct
     * @return the parameter
     * @throws IllegalArgumentException if there is no choice or a choice repeats
     */
    static CategoricalParameter categorical(String name, String... choices) {
        return new CategoricalParameter(name, Arrays.asList(choices), null);
    }

    /**
     * Reads a parameter in the command line's syntax: {@code name=uniform:LOW:HIGH},
     * {@code name=log:LOW:HIGH}, {@code name=int:LOW:HIGH}, {@code name=logint:LOW:HIGH} or
     * {@code name=cat:A,B,C}, optionally followed by {@code @parent=V1|V2} for a condition.
     *
     * @param text the description
     * @return the parameter
     * @throws IllegalArgumentException if the text does not follow the syntax, naming it
     */
    static Parameter parse(String text) {
        return ParameterSyntax.parse(text);
    }

    /**
     * Validates a parameter name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is null, blank or contains {@code = : , @ |} or
     *     white space
     */
    static String checkName(String name) {
        if (name == null || name.isBlank() || !name.matches("[^=:,@|\\s]+")) {
            throw new IllegalArgumentException(
                    "parameter name must be non-blank without '=', ':', ',', '@', '|' or spaces, got '"
                            + name + "'");
        }
        return name;
    }

    /**
     * Clamps a unit coordinate to {@code [0, 1)}.
     *
     * @param u the coordinate
     * @return the coordinate, with 1 mapped to the largest double below 1
     * @throws IllegalArgumentException if {@code u} is outside {@code [0, 1]} or NaN
     */
    static double unit(double u) {
        if (!(u >= 0 && u <= 1)) {
            throw new IllegalArgumentException("unit coordinate must be in [0, 1], got " + u);
        }
        return Math.min(u, Math.nextDown(1.0));
    }

    /**
     * The choices of a categorical parameter, or an empty list for numeric ones.
     *
     * @return the choices
     */
    default List<String> choices() {
        return List.of();
    }
}
