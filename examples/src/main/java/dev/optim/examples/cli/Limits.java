package dev.optim.examples.cli;

import java.util.Locale;

/**
 * The command line's bounds, checked before any work starts so that no input can exhaust memory
 * or run for ever: the message names the option, the value and the bound.
 *
 * <ul>
 *   <li>{@link #MAX_STEPS} updates per descent ({@code --steps}, {@code --epochs} ×
 *       batches per epoch);
 *   <li>{@link #MAX_ROWS} recorded rows per descent: {@code --steps N} records
 *       {@code ⌊N / K⌋ + 2} rows at most with {@code --every K};
 *   <li>{@link #MAX_RACE_STEPS} updates per racer (the race keeps every row for its picture);
 *   <li>{@link #MAX_POINTS} generated points, {@link #MAX_DATA_BYTES} bytes of {@code --data}.
 * </ul>
 */
public final class Limits {

    /** The most updates a descent makes: 10⁹. */
    public static final long MAX_STEPS = 1_000_000_000L;
    /** The most rows a descent records: 10⁶ (about 40 MB for two parameters). */
    public static final long MAX_ROWS = dev.optim.examples.experiment.Descents.ROW_LIMIT;
    /** The most updates per racer: 10⁶. */
    public static final long MAX_RACE_STEPS = 1_000_000L;
    /** The most generated points: 10⁶. */
    public static final int MAX_POINTS = 1_000_000;
    /** The largest {@code --data} file: 64 MiB. */
    public static final long MAX_DATA_BYTES = 64L << 20;

    private Limits() {}

    /**
     * Checks a step budget against {@link #MAX_STEPS} and, with the recording interval, against
     * {@link #MAX_ROWS}.
     *
     * @param option the option that gave the budget (e.g. {@code --steps})
     * @param steps the budget
     * @param every the recording interval {@code --every}
     * @return {@code steps}
     * @throws BadInputException if a bound is exceeded
     */
    public static long steps(String option, long steps, int every) {
        if (steps < 0 || steps > MAX_STEPS) {
            throw new BadInputException(option + " must be in [0, " + MAX_STEPS + "], got "
                    + steps);
        }
        long rows = steps / every + 2;
        if (rows > MAX_ROWS) {
            long need = nice((steps + MAX_ROWS - 3) / (MAX_ROWS - 2));
            throw new BadInputException(String.format(Locale.ROOT,
                    "%s %d would record %d rows, more than the %d the command line keeps;"
                            + " add --every %d (or more)",
                    option, steps, steps / every + 1, MAX_ROWS, need));
        }
        return steps;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, … that is {@code >= n}. */
    private static long nice(long n) {
        for (long p = 1; ; p *= 10) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * p >= n) {
                    return m * p;
                }
            }
        }
    }
}
