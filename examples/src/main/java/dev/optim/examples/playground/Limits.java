package dev.optim.examples.playground;

/**
 * The bounds on what one API request may ask for, so that each is answered in bounded time and
 * memory. A request beyond a bound is refused with 400 and a message that states the bound.
 */
public final class Limits {

    /** The largest request body, in bytes (64 KiB). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The deepest nesting of JSON objects and arrays in a request. */
    public static final int MAX_JSON_DEPTH = 8;
    /** The longest string in a request, in characters. */
    public static final int MAX_STRING_LENGTH = 200;
    /** The most updates of one landscape or regression run. */
    public static final int MAX_STEPS = 10_000;
    /** The most updates of one race, all optimizers together (so 4 × 10 000 or 8 × 5 000). */
    public static final int MAX_RACE_STEPS = 40_000;
    /** The most optimizers raced at once. */
    public static final int MAX_OPTIMIZERS = 8;
    /** The fewest grid points per axis of a surface. */
    public static final int MIN_GRID = 2;
    /** The most grid points per axis of a surface (so at most 400 × 400 values). */
    public static final int MAX_GRID = 400;
    /** The most contour levels. */
    public static final int MAX_LEVELS = 64;
    /** The largest absolute start coordinate. */
    public static final double MAX_COORDINATE = 1e6;
    /** The training-set sizes of the article's regression figure. */
    public static final int[] REGRESSION_SIZES = {20, 300, 800};
    /** The time a request may take before it is abandoned with 503, in milliseconds. */
    public static final long DEADLINE_MILLIS = 5_000;
    /** The threads that compute answers. */
    public static final int THREADS = 4;
    /** The requests that may wait for a thread; beyond them the server answers 503 at once. */
    public static final int QUEUE = 32;

    private Limits() {}
}
