package dev.optim.search;

import java.io.Serializable;

/**
 * An intermediate value of a trial, reported at a step of its budget (see
 * {@link Trial#report(long, double)}).
 *
 * @param step the step (resource spent so far), {@code ≥ 0}
 * @param value the objective's value there; NaN or infinite for a diverged run
 *
 * @serial exclude
 */
public record Report(long step, double value) implements Serializable {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code step} is negative
     * @param step the step (resource spent so far), {@code ≥ 0}
     * @param value the objective's value there; NaN or infinite for a diverged run
     */
    public Report {
        if (step < 0) {
            throw new IllegalArgumentException("report step must be >= 0, got " + step);
        }
    }
}
