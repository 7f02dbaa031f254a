package dev.optim.core.descent;

import java.util.Arrays;

/**
 * The outcome of a descent: the final parameters, the loss there, why it stopped, after how many
 * updates, and the recorded trajectory. Immutable: {@link #parameters()} returns a copy.
 *
 * <p>When the run {@link StopReason#DIVERGED diverged}, the parameters are the last finite ones
 * (those before the update that broke), {@link #loss()} is their loss, and
 * {@link #divergedAtStep()} is the number of the update that produced the non-finite or exploding
 * value. If the objective was already not finite at the (finite) start, no update was made:
 * {@link #steps()} and {@link #divergedAtStep()} are 0, the parameters are the start and
 * {@link #loss()} is the non-finite value there.
 */
public final class DescentResult {

    private final double[] parameters;
    private final double loss;
    private final StopReason reason;
    private final long steps;
    private final long divergedAtStep;
    private final Trajectory trajectory;

    DescentResult(double[] parameters, double loss, StopReason reason, long steps,
            long divergedAtStep, Trajectory trajectory) {
        this.parameters = parameters;
        this.loss = loss;
        this.reason = reason;
        this.steps = steps;
        this.divergedAtStep = divergedAtStep;
        this.trajectory = trajectory;
    }

    /**
     * The final parameters, copied (the last finite ones if the run diverged).
     *
     * @return the parameters
     */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * The loss at {@link #parameters()}: finite, but for a run whose objective was not finite
     * at the start point (see the class description).
     *
     * @return the final loss
     */
    public double loss() {
        return loss;
    }

    /**
     * Why the run stopped.
     *
     * @return the reason
     */
    public StopReason reason() {
        return reason;
    }

    /**
     * The number of updates that {@link #parameters()} reflect.
     *
     * @return the update count
     */
    public long steps() {
        return steps;
    }

    /**
     * The number of the update at which the run diverged.
     *
     * @return the update number (1 for the first), 0 if the objective was not finite at the
     *     start itself, or −1 if it did not diverge
     */
    public long divergedAtStep() {
        return divergedAtStep;
    }

    /**
     * The recorded trajectory.
     *
     * @return the trajectory
     */
    public Trajectory trajectory() {
        return trajectory;
    }

    @Override
    public String toString() {
        return "DescentResult[reason=" + reason + ", steps=" + steps + ", loss=" + loss
                + (divergedAtStep >= 0 ? ", divergedAtStep=" + divergedAtStep : "")
                + ", parameters=" + (parameters.length <= 8 ? Arrays.toString(parameters)
                        : parameters.length + " values") + "]";
    }
}
