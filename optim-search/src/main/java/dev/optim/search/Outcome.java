package dev.optim.search;

import java.io.Serializable;

/**
 * The result of running a trial away from its study (on a worker thread or a Spark executor),
 * to be {@link #tellTo told} to the study: the trial as it came back (with its reports), and
 * its value or failure.
 *
 * @param trial the trial, with its reports
 * @param value the value (NaN if failed)
 * @param failure the failure, or {@code null}
 *
 * @serial exclude
 */
public record Outcome(Trial trial, double value, Failure failure) implements Serializable {

    /**
     * Runs a trial: evaluates the objective, turning an exception into a {@link Failure}.
     *
     * @param objective the objective
     * @param trial the trial
     * @return the outcome
     */
    public static Outcome run(TrialObjective objective, Trial trial) {
        try {
            return new Outcome(trial, objective.evaluate(trial), null);
        } catch (Exception | StackOverflowError e) {
            return new Outcome(trial, Double.NaN, Failure.of(e));
        }
    }

    /**
     * Tells the study this outcome.
     *
     * @param study the study that asked the trial
     * @return the finished trial
     */
    public FinishedTrial tellTo(Study study) {
        return failure != null ? study.tell(trial, failure) : study.tell(trial, value);
    }
}
