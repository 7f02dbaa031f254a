package dev.optim.examples.sharpness;

import dev.optim.core.optimizer.Adam;
import dev.optim.landscapes.sharpness.EpsilonSharpness;
import dev.optim.landscapes.sharpness.Lanczos;
import dev.optim.landscapes.sharpness.LineSlice;
import dev.optim.nn.Activation;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Small versus large batches trained to the same training loss (Keskar et al. 2017 at small
 * scale): for each seed, one MLP initialisation is trained twice with Adam at one learning rate,
 * with a small and with a large batch, each until its full training loss is at most
 * {@code targetLoss} ({@link Training#toLoss}); then for each solution the test accuracy, the
 * ε-sharpness in the full space and in a random subspace of dimension {@code subspace}
 * (ε relative box, {@link EpsilonSharpness}) and the largest Hessian eigenvalue (Lanczos with
 * {@code lanczosIterations} central-difference Hessian-vector products) are measured, and for
 * the first seed the training and test losses on the line between the two solutions,
 * {@code α ∈ [−0.5, 1.5]} (α = 0 the small-batch one).
 *
 * <pre>{@code
 * SharpnessReport r = BatchSizeExperiment.standard(Task.digits(0.3, 1)).run();
 * System.out.print(r.table());
 * }</pre>
 *
 * @param task the data
 * @param hidden the hidden widths ({@link #ACTIVATION}), float64 networks
 * @param smallBatch the small batch size, {@code ≥ 1}
 * @param largeBatch the large batch size, {@code > smallBatch} and at most the training size
 * @param learningRate Adam's rate for both, {@code > 0}
 * @param targetLoss the training loss both are trained to, {@code > 0}
 * @param maxEpochs the budget of each run, {@code ≥ 1}
 * @param seeds the number of seeds (1, 2, …), {@code ≥ 1}
 * @param epsilon the box's relative size, {@code > 0}
 * @param subspace the random subspace's dimension, {@code ≥ 1}
 * @param lanczosIterations the Hessian-vector products of Lanczos, {@code ≥ 1}
 * @param interpolationPoints the points on {@code [−0.5, 1.5]}, {@code ≥ 2} (α = 0 and 1 are
 *     among them when {@code 4} divides {@code points − 1})
 * @param ascentSteps the projected-ascent steps of ε-sharpness, {@code ≥ 1} (Keskar et al. ran
 *     10 iterations of L-BFGS-B)
 */
public record BatchSizeExperiment(Task task, int[] hidden, int smallBatch, int largeBatch,
        double learningRate, double targetLoss, long maxEpochs, int seeds, double epsilon,
        int subspace, int lanczosIterations, int interpolationPoints, int ascentSteps) {

    /** Examples between checks of the training loss against the target: {@value}. */
    public static final int CHECK_EVERY = 256;

    /**
     * The hidden activation, tanh: smooth, so that the Hessian exists everywhere and central
     * differences of gradients estimate it. With ReLU the gradient jumps where a pre-activation
     * crosses 0, and a difference {@code (∇f(θ + h·v) − ∇f(θ − h·v)) / 2h} straddling a kink
     * measures the jump over {@code 2h}, not a curvature (in a run of {@link #standard} with
     * ReLU, 3 of 10 solutions had a "top eigenvalue" of 2.0, 5.6 and 9.0 against 0.71 to 0.87
     * for the others).
     */
    public static final Activation ACTIVATION = Activation.TANH;


    /**
     * Validates the configuration.
     *
     * @param task see the record
     * @param hidden see the record
     * @param smallBatch see the record
     * @param largeBatch see the record
     * @param learningRate see the record
     * @param targetLoss see the record
     * @param maxEpochs see the record
     * @param seeds see the record
     * @param epsilon see the record
     * @param subspace see the record
     * @param lanczosIterations see the record
     * @param interpolationPoints see the record
     * @param ascentSteps see the record
     * @throws IllegalArgumentException if a value is out of range (named with the value)
     */
    public BatchSizeExperiment {
        if (task == null || hidden == null) {
            throw new IllegalArgumentException("task and hidden must not be null");
        }
        hidden = hidden.clone();
        if (smallBatch < 1 || largeBatch <= smallBatch || largeBatch > task.trainSize()) {
            throw new IllegalArgumentException("batches must satisfy 1 <= small < large <= "
                    + task.trainSize() + ", got small=" + smallBatch + ", large=" + largeBatch);
        }
        positive("learningRate", learningRate);
        positive("targetLoss", targetLoss);
        positive("epsilon", epsilon);
        if (maxEpochs < 1 || seeds < 1 || subspace < 1 || lanczosIterations < 1
                || interpolationPoints < 2 || ascentSteps < 1) {
            throw new IllegalArgumentException("maxEpochs, seeds, subspace and lanczosIterations"
                    + " must be >= 1, interpolationPoints >= 2, ascentSteps >= 1, got "
                    + maxEpochs + ", "
                    + seeds + ", " + subspace + ", " + lanczosIterations + ", "
                    + interpolationPoints + ", " + ascentSteps);
        }
    }

    /**
     * The measured setting: one hidden layer of 32, batches 32 and half the training part,
     * Adam at 3e-3, target loss 0.05, 5 seeds, ε = 1e-3, a subspace of 100, 20 products, 21
     * interpolation points, 10 ascent steps.
     *
     * @param task the data
     * @return the experiment
     */
    public static BatchSizeExperiment standard(Task task) {
        return new BatchSizeExperiment(task, new int[] {32}, 32, task.trainSize() / 2, 3e-3,
                0.05, 400, 5, 1e-3, 100, 20, 21, 10);
    }

    /**
     * A quick setting: hidden 16, batches 32 and a quarter of the training part, Adam at
     * 1e-2, target 0.2, 1 seed, a subspace of 10, 10 products, 9 points, 3 ascent steps.
     *
     * @param task the data
     * @return the experiment
     */
    public static BatchSizeExperiment quick(Task task) {
        return new BatchSizeExperiment(task, new int[] {16}, 32, task.trainSize() / 4, 1e-2,
                0.2, 100, 1, 1e-3, 10, 10, 9, 3);
    }

    /**
     * Runs it.
     *
     * @return the measurements
     * @throws ArithmeticException if a run diverged
     */
    public SharpnessReport run() {
        List<SharpnessReport.SeedRow> rows = new ArrayList<>();
        NetworkSharpness.Interpolation line = null;
        double[] alphas = LineSlice.linspace(-0.5, 1.5, interpolationPoints);
        for (int seed = 1; seed <= seeds; seed++) {
            Network net = task.network(hidden, ACTIVATION, DataType.DOUBLE, seed);
            INDArray start = net.parameters().dup();
            SharpnessReport.Measured small = measure(net, smallBatch, seed);
            net.parameters().assign(start);
            SharpnessReport.Measured large = measure(net, largeBatch, seed);
            rows.add(new SharpnessReport.SeedRow(seed, small, large));
            if (line == null) {
                line = NetworkSharpness.between(net, small.solution().parameters(),
                        large.solution().parameters(), alphas);
            }
        }
        return new SharpnessReport(this, rows, line);
    }

    private SharpnessReport.Measured measure(Network net, int batch, long seed) {
        Adam adam = Adam.builder().learningRate(learningRate).build();
        Training.Trained t = Training.toLoss(net, adam, batch, targetLoss, CHECK_EVERY,
                maxEpochs, seed * 7919 + batch);
        INDArray theta = t.parameters();
        double full = NetworkSharpness.epsilon(net, theta,
                new EpsilonSharpness(epsilon, 0, ascentSteps, seed)).sharpness();
        double sub = NetworkSharpness.epsilon(net, theta,
                new EpsilonSharpness(epsilon, subspace, ascentSteps, seed)).sharpness();
        double top = NetworkSharpness.topEigenvalues(net, theta,
                new Lanczos(lanczosIterations, seed), 1).top();
        return new SharpnessReport.Measured(t, full, sub, top);
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }
}
