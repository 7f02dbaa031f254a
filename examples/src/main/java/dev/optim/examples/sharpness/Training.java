package dev.optim.examples.sharpness;

import dev.optim.core.Optimizer;
import dev.optim.core.StochasticObjective;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.core.train.TrainingStop;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training runs of a {@link Network} for the experiments: to a target training loss
 * ({@link #toLoss}), or for a number of epochs recording a {@link Curve} ({@link #curve}).
 * Both use Optim's {@link Trainer} with reshuffled mini-batches and start from the network's
 * current parameters, which they leave at the end of the run.
 */
public final class Training {

    private Training() {
    }

    /**
     * Trains until the full training loss is at most {@code target}, checked every
     * {@code ⌈checkEvery / batch⌉} updates (so every {@code checkEvery} examples, whatever the
     * batch size), or until {@code maxEpochs} epochs.
     *
     * @param net the network, trained from its current parameters
     * @param optimizer the optimizer
     * @param batch the batch size, in {@code [1, N]}
     * @param target the target training loss, {@code > 0}
     * @param checkEvery examples between checks of the loss, {@code ≥ 1}
     * @param maxEpochs the budget, {@code ≥ 1}
     * @param seed the seed of the shuffles
     * @return the solution and its measures
     * @throws IllegalArgumentException if a value is out of range
     * @throws ArithmeticException if the run diverged
     */
    public static Trained toLoss(Network net, Optimizer optimizer, int batch, double target,
            int checkEvery, long maxEpochs, long seed) {
        int n = net.trainObjective().size();
        if (batch < 1 || batch > n) {
            throw new IllegalArgumentException("batch must be in [1, " + n + "], got " + batch);
        }
        if (!(target > 0) || checkEvery < 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("target must be > 0, checkEvery and maxEpochs"
                    + " >= 1, got " + target + ", " + checkEvery + ", " + maxEpochs);
        }
        boolean[] reached = {false};
        Counting counting = new Counting(net.trainObjective());
        long every = Math.max(1, (checkEvery + batch - 1) / batch);
        TrainingResult r = Trainer.builder(optimizer)
                .batchPlan(BatchPlan.of(batch).withOrder(BatchOrder.SHUFFLED).withSeed(seed))
                .epochs(maxEpochs).evaluateEvery(every)
                .listener(e -> reached[0] |= e.trainLoss() <= target)
                .cancelled(() -> reached[0])
                .build().run(counting, net.parameters());
        if (r.stop() == TrainingStop.DIVERGED) {
            throw new ArithmeticException("diverged at batch " + batch + ": "
                    + r.divergence().map(Object::toString).orElse("a non-finite loss"));
        }
        INDArray theta = net.parameters().dup();
        return new Trained(theta, batch, net.trainLoss(theta), net.testLoss(theta),
                net.trainAccuracy(theta), net.testAccuracy(theta), r.steps(),
                counting.examples / (double) n, reached[0]);
    }

    /**
     * Trains for {@code epochs} epochs with a batch plan (a constant or a scheduled batch size),
     * evaluating at the end of each epoch: the full training loss, the test loss and the test
     * accuracy, against updates and examples seen. The first point is the start (0 updates).
     *
     * @param name the curve's name
     * @param net the network, trained from its current parameters
     * @param optimizer the optimizer (with its learning-rate schedule, in updates)
     * @param plan the batch plan (sizes by update)
     * @param epochs the epochs, {@code ≥ 1}
     * @return the curve
     * @throws ArithmeticException if the run diverged
     */
    public static Curve curve(String name, Network net, Optimizer optimizer, BatchPlan plan,
            long epochs) {
        return curve(name, net, optimizer, optimizer.init(net.parameters()), plan, epochs);
    }

    /**
     * As {@link #curve(String, Network, Optimizer, BatchPlan, long)}, from a given optimizer
     * state (which the run advances, so that it can be read afterwards).
     *
     * @param name the curve's name
     * @param net the network, trained from its current parameters
     * @param optimizer the optimizer
     * @param state its state for the network's parameters
     * @param plan the batch plan
     * @param epochs the epochs, {@code ≥ 1}
     * @return the curve
     * @throws ArithmeticException if the run diverged
     */
    public static Curve curve(String name, Network net, Optimizer optimizer,
            dev.optim.core.OptimizerState state, BatchPlan plan, long epochs) {
        Counting counting = new Counting(net.trainObjective());
        List<double[]> rows = new ArrayList<>();
        INDArray start = net.parameters();
        rows.add(new double[] {0, 0, net.trainLoss(start), net.testLoss(start),
            net.testAccuracy(start)});
        TrainingResult r = Trainer.builder(optimizer).batchPlan(plan).epochs(epochs)
                .validation(net.testObjective())
                .listener(e -> rows.add(new double[] {e.step(), counting.examples, e.trainLoss(),
                    e.validationLoss(), net.testAccuracyHere()}))
                .build().run(counting, net.parameters(), state);
        if (r.stop() == TrainingStop.DIVERGED) {
            throw new ArithmeticException(name + " diverged: "
                    + r.divergence().map(Object::toString).orElse("a non-finite loss"));
        }
        double[][] c = new double[5][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 5; k++) {
                c[k][i] = rows.get(i)[k];
            }
        }
        return new Curve(name, c[0], c[1], c[2], c[3], c[4]);
    }

    /**
     * A solution reached by {@link #toLoss}.
     *
     * @param parameters the parameters (a copy)
     * @param batch the batch size
     * @param trainLoss the full training loss
     * @param testLoss the test loss
     * @param trainAccuracy the training accuracy
     * @param testAccuracy the test accuracy
     * @param updates the number of updates
     * @param epochs the examples seen over the training-set size
     * @param reachedTarget whether the target loss was reached within the budget
     */
    public record Trained(INDArray parameters, int batch, double trainLoss, double testLoss,
            double trainAccuracy, double testAccuracy, long updates, double epochs,
            boolean reachedTarget) {}

    /**
     * A training curve, one point per evaluation (the start, then each epoch's end).
     *
     * @param name the run's name
     * @param updates the updates done
     * @param examples the training examples seen (the sum of the batch sizes)
     * @param trainLoss the full training loss
     * @param testLoss the test loss
     * @param testAccuracy the test accuracy
     */
    public record Curve(String name, double[] updates, double[] examples, double[] trainLoss,
            double[] testLoss, double[] testAccuracy) {

        /**
         * The number of points.
         *
         * @return the length of each array
         */
        public int size() {
            return updates.length;
        }
    }

    /** Counts the examples in the mini-batches that the trainer draws. */
    private static final class Counting implements StochasticObjective {
        private final StochasticObjective inner;
        long examples;

        Counting(StochasticObjective inner) {
            this.inner = inner;
        }

        @Override
        public int size() {
            return inner.size();
        }

        @Override
        public double evaluate(INDArray params, int[] batch, INDArray gradient) {
            examples += batch.length;
            return inner.evaluate(params, batch, gradient);
        }

        @Override
        public long dimension() {
            return inner.dimension();
        }

        @Override
        public double evaluate(INDArray params, INDArray gradient) {
            return inner.evaluate(params, gradient);
        }

        @Override
        public double value(INDArray params) {
            return inner.value(params);
        }
    }
}
