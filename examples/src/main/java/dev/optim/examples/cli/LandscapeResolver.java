package dev.optim.examples.cli;

import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Landscapes;
import java.util.Locale;

/**
 * Turns {@code --landscape NAME} and a point's coordinates into a {@link Landscape}: a landscape
 * defined in any dimension takes the point's, a fixed one must match it. Names are refused with
 * a one-line {@link BadInputException} that lists the valid ones.
 */
public final class LandscapeResolver {

    private LandscapeResolver() {}

    /**
     * The landscape called {@code name}, in its default dimension (2 for those defined in any
     * dimension).
     *
     * @param name the name given to {@code --landscape}
     * @return the landscape
     * @throws BadInputException if no landscape has that name
     */
    public static Landscape byName(String name) {
        check(name);
        return Landscapes.byName(name);
    }

    /**
     * The landscape called {@code name} for a point given to {@code option}.
     *
     * @param name the name given to {@code --landscape}
     * @param option the option that gave the point ({@code --at}, {@code --start})
     * @param point the point's coordinates
     * @return the landscape, of dimension {@code point.length}
     * @throws BadInputException if no landscape has that name, or the point has the wrong number
     *     of coordinates
     */
    public static Landscape forPoint(String name, String option, double[] point) {
        check(name);
        if (Landscapes.anyDimension(name)) {
            if (point.length < 2) {
                throw new BadInputException(option + " has " + point.length + " coordinate"
                        + (point.length == 1 ? "" : "s") + " but " + name
                        + " takes 2 or more");
            }
            return Landscapes.byName(name, point.length);
        }
        Landscape l = Landscapes.byName(name);
        if (point.length != l.dimension()) {
            throw new BadInputException(option + " has " + point.length + " coordinate"
                    + (point.length == 1 ? "" : "s") + " but " + name + " takes "
                    + l.dimension());
        }
        return l;
    }

    private static void check(String name) {
        if (name == null || !Landscapes.names().contains(name.trim().toLowerCase(Locale.ROOT))) {
            throw new BadInputException("--landscape '" + name + "' is not one of "
                    + String.join("|", Landscapes.names()));
        }
    }
}
