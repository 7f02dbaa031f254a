package dev.optim.core.descent;

/**
 * A caller's stop rule, asked after every update.
 *
 * <pre>{@code
 * StopCondition belowOne = (step, loss, gradNorm) -> loss < 1.0;
 * }</pre>
 */
@FunctionalInterface
public interface StopCondition {

    /**
     * Whether to stop now.
     *
     * @param step the number of updates done
     * @param loss the loss after them
     * @param gradientNorm the Euclidean norm of the gradient there
     * @return true to stop with {@link StopReason#STOP_CONDITION}
     */
    boolean shouldStop(long step, double loss, double gradientNorm);
}
