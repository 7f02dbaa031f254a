package dev.optim.examples.sharpness;

import dev.optim.nn.Mlp;
import dev.optim.nn.SameDiffObjective;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An MLP with its training and test objectives, which share one flat parameter vector
 * ({@link #parameters()}): evaluating either at a point writes that point into the vector, so
 * every read of a loss or an accuracy at a point {@code θ} here goes through
 * {@link #at(INDArray, Supplier)}, which puts {@code θ} in, computes, and puts the previous
 * parameters back. Not thread-safe (one SameDiff graph).
 */
public final class Network {

    private final Mlp mlp;
    private final INDArray xTrain;
    private final int[] yTrain;
    private final INDArray xTest;
    private final int[] yTest;
    private final SameDiffObjective train;
    private final SameDiffObjective test;

    Network(Mlp mlp, INDArray xTrain, int[] yTrain, INDArray xTest, int[] yTest) {
        this.mlp = mlp;
        this.xTrain = xTrain;
        this.yTrain = yTrain.clone();
        this.xTest = xTest;
        this.yTest = yTest.clone();
        this.train = mlp.classification(xTrain, yTrain);
        this.test = mlp.classification(xTest, yTest);
    }

    /**
     * The network.
     *
     * @return the MLP
     */
    public Mlp mlp() {
        return mlp;
    }

    /**
     * The mean cross-entropy over the training part, as an objective of the parameters.
     *
     * @return the objective (sharing {@link #parameters()})
     */
    public SameDiffObjective trainObjective() {
        return train;
    }

    /**
     * The mean cross-entropy over the test part.
     *
     * @return the objective (sharing {@link #parameters()})
     */
    public SameDiffObjective testObjective() {
        return test;
    }

    /**
     * The graph's flat parameter vector (not a copy).
     *
     * @return the vector
     */
    public INDArray parameters() {
        return train.parameters();
    }

    /**
     * The number of parameters.
     *
     * @return {@code n}
     */
    public long dimension() {
        return train.dimension();
    }

    /**
     * Runs {@code body} with the graph's parameters set to {@code theta}, then puts the
     * parameters that were there before back (also when {@code body} throws).
     *
     * @param theta the point; copied in, not modified (it may be {@link #parameters()} itself)
     * @param body what to compute
     * @param <T> the result's type
     * @return {@code body}'s result
     */
    public <T> T at(INDArray theta, Supplier<T> body) {
        INDArray saved = parameters().dup();
        try {
            if (theta != parameters()) {
                parameters().assign(theta);
            }
            return body.get();
        } finally {
            parameters().assign(saved);
        }
    }

    /**
     * The training loss at {@code theta}.
     *
     * @param theta the point; not modified
     * @return {@code f_train(θ)}
     */
    public double trainLoss(INDArray theta) {
        return at(theta, () -> train.value(parameters()));
    }

    /**
     * The test loss at {@code theta}.
     *
     * @param theta the point; not modified
     * @return {@code f_test(θ)}
     */
    public double testLoss(INDArray theta) {
        return at(theta, () -> test.value(parameters()));
    }

    /**
     * The test part's labels.
     *
     * @return a copy of the labels
     */
    public int[] testLabels() {
        return yTest.clone();
    }

    /**
     * The test accuracy at the current parameters.
     *
     * @return the fraction of test examples classified right
     */
    public double testAccuracyHere() {
        return mlp.accuracy(xTest, yTest);
    }

    /**
     * The training accuracy at {@code theta}.
     *
     * @param theta the point; not modified
     * @return the fraction of training examples classified right
     */
    public double trainAccuracy(INDArray theta) {
        return at(theta, () -> mlp.accuracy(xTrain, yTrain));
    }

    /**
     * The test accuracy at {@code theta}.
     *
     * @param theta the point; not modified
     * @return the fraction of test examples classified right
     */
    public double testAccuracy(INDArray theta) {
        return at(theta, () -> mlp.accuracy(xTest, yTest));
    }
}
