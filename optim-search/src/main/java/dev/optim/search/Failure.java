package dev.optim.search;

import java.io.Serializable;
import java.util.Objects;

/**
 * Why a trial failed: a diverged run, an exception, a non-finite value. A failure is a result
 * of the study ({@link TrialState#FAILED}), not a crash of it.
 *
 * @param message what happened, in one line
 *
 * @serial exclude
 */
public record Failure(String message) implements Serializable {

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code message} is null
     * @param message what happened, in one line
     */
    public Failure {
        Objects.requireNonNull(message, "message");
    }

    /**
     * The failure of a thrown exception: its class and message.
     *
     * @param error the exception
     * @return the failure
     */
    public static Failure of(Throwable error) {
        String m = error.getMessage();
        return new Failure(error.getClass().getSimpleName() + (m == null ? "" : ": " + m));
    }
}
