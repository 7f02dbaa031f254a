package dev.optim.landscapes.regression;

import dev.optim.core.Checks;

/**
 * A line {@code ŷ = w·x + b}: the model of the article's regression, and its parameters
 * {@code θ = (w, b)} in that order.
 *
 * @param slope the slope {@code w}; finite
 * @param intercept the intercept {@code b}; finite
 */
public record Line(double slope, double intercept) {

    /**
     * Validates the line.
     *
     * @param slope the slope {@code w}
     * @param intercept the intercept {@code b}
     * @throws IllegalArgumentException if either is not finite
     */
    public Line {
        Checks.finite("slope", slope);
        Checks.finite("intercept", intercept);
    }

    /**
     * The line with parameters {@code θ = (w, b)}.
     *
     * @param theta the slope and the intercept
     * @return the line
     * @throws IllegalArgumentException if {@code theta} is null, not of length 2, or not finite
     */
    public static Line of(double[] theta) {
        Checks.length("theta", theta, 2);
        return new Line(theta[0], theta[1]);
    }

    /**
     * The prediction at {@code x}.
     *
     * @param x the input
     * @return {@code w·x + b}
     */
    public double predict(double x) {
        return slope * x + intercept;
    }

    /**
     * The parameters as an array.
     *
     * @return a new array {@code {w, b}}
     */
    public double[] toArray() {
        return new double[] {slope, intercept};
    }
}
