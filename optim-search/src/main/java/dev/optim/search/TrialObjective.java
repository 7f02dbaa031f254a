package dev.optim.search;

/**
 * What a runner evaluates for each trial: a value to minimise. It may throw (recorded as a
 * {@link Failure}), return a non-finite value (recorded as a failure too), and
 * {@link Trial#report report} intermediate values, stopping when {@link Trial#shouldPrune()}.
 * For the same trial it must return the same value for a study to be reproducible.
 */
@FunctionalInterface
public interface TrialObjective {

    /**
     * Evaluates one trial.
     *
     * @param trial the trial: its index and parameters
     * @return the value, to be minimised
     * @throws Exception if the evaluation fails
     */
    double evaluate(Trial trial) throws Exception;
}
