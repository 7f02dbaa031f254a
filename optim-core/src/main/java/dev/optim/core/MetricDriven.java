package dev.optim.core;

/**
 * An optimizer whose learning rate follows a monitored value (the loss) rather than only the
 * step: {@link dev.optim.core.optimizer.OnPlateau}. The descent loop feeds it the loss after
 * every update; a training loop may feed it a validation loss once per epoch instead. The
 * controller's state lives in the optimizer's state, so it is saved and restored with it.
 */
public interface MetricDriven {

    /**
     * Feeds the monitored value (PyTorch's {@code scheduler.step(metric)}).
     *
     * @param state the optimizer's state
     * @param metric the value, as a loss
     * @return the learning rate of the next updates
     * @throws IllegalArgumentException if {@code state} is not this optimizer's
     */
    double observe(OptimizerState state, double metric);

    /**
     * The learning rate the next update of {@code state} uses.
     *
     * @param state the optimizer's state
     * @return the rate
     * @throws IllegalArgumentException if {@code state} is not this optimizer's
     */
    double currentLearningRate(OptimizerState state);
}
