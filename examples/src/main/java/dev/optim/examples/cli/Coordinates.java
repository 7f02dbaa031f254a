package dev.optim.examples.cli;

/**
 * A comma-separated list of numbers from the command line ({@code --at 1,2},
 * {@code --x-range -5,5}), as {@link PointConverter} parses it. Wrapping the array keeps picocli
 * from reading the option as a repeated single number.
 *
 * @param values the numbers, in order
 */
public record Coordinates(double[] values) {

    /**
     * Copies the numbers.
     */
    public Coordinates {
        values = values.clone();
    }

    /**
     * The numbers.
     *
     * @return a copy
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * How many numbers there are.
     *
     * @return the count
     */
    public int length() {
        return values.length;
    }
}
