package dev.optim.examples.experiment;

import dev.optim.core.Loss;
import dev.optim.core.Objective;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link Loss} with fixed targets, seen as an {@link Objective} of the predictions themselves:
 * {@code f(ŷ) = L(ŷ, y)}. Descending on it moves the predictions straight toward the truth, as
 * a network's last layer would be pushed; the tour uses it to watch the YOLO loss's terms fall.
 *
 * <p>The parameters must have the predictions' shape (the descent keeps the start's shape).
 */
public final class PredictionObjective implements Objective {

    private final Loss loss;
    private final INDArray targets;
    private final long[] shape;
    private final long length;

    /**
     * Creates the objective.
     *
     * @param loss the loss
     * @param targets the targets; not copied, not modified
     * @param predictionShape the shape the loss expects for predictions
     */
    public PredictionObjective(Loss loss, INDArray targets, long[] predictionShape) {
        if (loss == null || targets == null || predictionShape == null) {
            throw new IllegalArgumentException("loss, targets and predictionShape must be given");
        }
        this.loss = loss;
        this.targets = targets;
        this.shape = predictionShape.clone();
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        this.length = n;
    }

    @Override
    public long dimension() {
        return length;
    }

    @Override
    public double evaluate(INDArray params, INDArray gradient) {
        if (!Arrays.equals(params.shape(), shape)) {
            throw new IllegalArgumentException("params must have the predictions' shape "
                    + Arrays.toString(shape) + ", got " + Arrays.toString(params.shape()));
        }
        return loss.valueAndGradient(params, targets, gradient);
    }

    @Override
    public double value(INDArray params) {
        return loss.value(params, targets);
    }
}
