package dev.optim.examples.sharpness;

import dev.optim.core.Optimizer;
import dev.optim.core.OptimizerState;
import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.Swats;
import dev.optim.core.schedule.PiecewiseConstant;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Two training-schedule experiments on one MLP initialisation (seed {@code seed}, float64,
 * tanh):
 *
 * <ul>
 *   <li>{@link #decayVersusGrowth()}, Smith, Kindermans, Ying and Le 2018: SGD with momentum
 *       {@code μ} in {@code phases} phases of {@code phaseEpochs} epochs each; in phase
 *       {@code p = 0, 1, …} either the rate is {@code η₀/kᵖ} at batch {@code B₀} ("decay") or
 *       the rate is {@code η₀} at batch {@code B₀·kᵖ} ("growth"), the same schedule shape in
 *       epochs. Phase {@code p} starts at update {@code Σ_{q<p} phaseEpochs·⌈N/B_q⌉}, which is
 *       where its epochs start because each epoch at batch {@code B} takes {@code ⌈N/B⌉}
 *       updates. The paper's claim: the two curves of loss against examples seen coincide, and
 *       growth needs far fewer updates.
 *   <li>{@link #optimizers()}, Keskar and Socher 2017: Adam, SGD with momentum and SWATS (Adam
 *       that switches to SGD with momentum) at batch {@code B₀} for {@code phases·phaseEpochs}
 *       epochs; the test accuracy over training. The paper's claim: Adam's test accuracy ends
 *       below SGD's and SWATS closes the gap.
 * </ul>
 *
 * @param task the data
 * @param hidden the hidden widths
 * @param batch {@code B₀}, in {@code [1, N]}
 * @param sgdRate {@code η₀} of SGD with momentum, {@code > 0}
 * @param momentum {@code μ}, in {@code [0, 1)}
 * @param adamRate the rate of Adam and SWATS's Adam phase, {@code > 0}
 * @param factor {@code k > 1}
 * @param phases the number of phases, {@code ≥ 1}
 * @param phaseEpochs the epochs per phase, {@code ≥ 1}
 * @param seed the seed of the weights and the shuffles
 */
public record ScheduleExperiment(Task task, int[] hidden, int batch, double sgdRate,
        double momentum, double adamRate, double factor, int phases, int phaseEpochs,
        long seed) {

    /**
     * Validates the configuration.
     *
     * @param task see the record
     * @param hidden see the record
     * @param batch see the record
     * @param sgdRate see the record
     * @param momentum see the record
     * @param adamRate see the record
     * @param factor see the record
     * @param phases see the record
     * @param phaseEpochs see the record
     * @param seed see the record
     * @throws IllegalArgumentException if a value is out of range (named with the value)
     */
    public ScheduleExperiment {
        if (task == null || hidden == null) {
            throw new IllegalArgumentException("task and hidden must not be null");
        }
        hidden = hidden.clone();
        if (batch < 1 || batch > task.trainSize()) {
            throw new IllegalArgumentException("batch must be in [1, " + task.trainSize()
                    + "], got " + batch);
        }
        if (!(sgdRate > 0) || !(adamRate > 0) || !(momentum >= 0 && momentum < 1)
                || !(factor > 1) || phases < 1 || phaseEpochs < 1) {
            throw new IllegalArgumentException("need sgdRate > 0, adamRate > 0, momentum in"
                    + " [0, 1), factor > 1, phases and phaseEpochs >= 1, got " + sgdRate + ", "
                    + adamRate + ", " + momentum + ", " + factor + ", " + phases + ", "
                    + phaseEpochs);
        }
    }

    /**
     * The measured setting: hidden 32, batch 32, SGD rate 0.05 with momentum 0.9, Adam 3e-3,
     * factor 4, 3 phases of 4 epochs, seed 1.
     *
     * @param task the data
     * @return the experiment
     */
    public static ScheduleExperiment standard(Task task) {
        return new ScheduleExperiment(task, new int[] {32}, 32, 0.05, 0.9, 3e-3, 4, 3, 4, 1);
    }

    /**
     * A quick setting: hidden 16, 3 phases of 1 epoch.
     *
     * @param task the data
     * @return the experiment
     */
    public static ScheduleExperiment quick(Task task) {
        return new ScheduleExperiment(task, new int[] {16}, 32, 0.05, 0.9, 3e-3, 4, 3, 1, 1);
    }

    /**
     * The batch size of phase {@code p} in the growth run, {@code min(N, round(B₀·kᵖ))}.
     *
     * @param p the phase
     * @return the batch size
     */
    public int grownBatch(int p) {
        return (int) Math.min(task.trainSize(), Math.round(batch * Math.pow(factor, p)));
    }

    /**
     * The update at which each phase after the first starts, for batch sizes {@code sizes[p]}.
     *
     * @param sizes the batch size of each phase
     * @return {@code phases − 1} boundaries
     */
    long[] boundaries(int[] sizes) {
        long[] b = new long[phases - 1];
        long at = 0;
        int n = task.trainSize();
        for (int p = 0; p < phases - 1; p++) {
            at += (long) phaseEpochs * ((n + sizes[p] - 1) / sizes[p]);
            b[p] = at;
        }
        return b;
    }

    /**
     * Runs the rate-decay and the batch-growth schedules from the same initialisation.
     *
     * @return {@code [decay, growth]}
     */
    public List<Training.Curve> decayVersusGrowth() {
        int[] constant = new int[phases];
        int[] grown = new int[phases];
        double[] rates = new double[phases];
        double[] sizes = new double[phases];
        double[] fixedRate = new double[phases];
        for (int p = 0; p < phases; p++) {
            constant[p] = batch;
            grown[p] = grownBatch(p);
            rates[p] = sgdRate / Math.pow(factor, p);
            sizes[p] = grown[p];
            fixedRate[p] = sgdRate;
        }
        long[] decayAt = boundaries(constant);
        long[] growAt = boundaries(grown);
        Network net = network();
        INDArray start = net.parameters().dup();
        Optimizer decaying = Momentum.builder().momentum(momentum)
                .learningRate(new PiecewiseConstant(decayAt, rates)).build();
        Training.Curve decay = Training.curve("rate decay", net, decaying,
                plan(BatchPlan.of(batch)), (long) phases * phaseEpochs);
        net.parameters().assign(start);
        Optimizer constantRate = Momentum.builder().momentum(momentum)
                .learningRate(new PiecewiseConstant(growAt, fixedRate)).build();
        Training.Curve growth = Training.curve("batch growth", net, constantRate,
                plan(BatchPlan.of(new PiecewiseConstant(growAt, sizes))),
                (long) phases * phaseEpochs);
        return List.of(decay, growth);
    }

    /**
     * Runs Adam, SGD with momentum and SWATS from the same initialisation.
     *
     * @return the three curves, and the update at which SWATS switched (0 if it did not)
     */
    public OptimizerCurves optimizers() {
        Network net = network();
        INDArray start = net.parameters().dup();
        long epochs = (long) phases * phaseEpochs;
        Training.Curve adam = Training.curve("Adam", net,
                Adam.builder().learningRate(adamRate).build(), plan(BatchPlan.of(batch)),
                epochs);
        net.parameters().assign(start);
        Training.Curve sgd = Training.curve("SGD momentum", net,
                Momentum.builder().learningRate(sgdRate).momentum(momentum).build(),
                plan(BatchPlan.of(batch)), epochs);
        net.parameters().assign(start);
        Swats swats = Swats.builder().learningRate(adamRate).build();
        OptimizerState state = swats.init(net.parameters());
        Training.Curve sw = Training.curve("SWATS", net, swats, state, plan(BatchPlan.of(batch)),
                epochs);
        return new OptimizerCurves(List.of(adam, sgd, sw), Swats.switchStep(state),
                Swats.sgdRate(state));
    }

    /**
     * The optimizer comparison's curves.
     *
     * @param curves Adam, SGD with momentum, SWATS
     * @param swatsSwitch the update at which SWATS switched to SGD, 0 if it did not
     * @param swatsRate the SGD rate SWATS estimated, NaN if it did not switch
     */
    public record OptimizerCurves(List<Training.Curve> curves, long swatsSwitch,
            double swatsRate) {}

    private Network network() {
        return task.network(hidden, BatchSizeExperiment.ACTIVATION, DataType.DOUBLE, seed);
    }

    private BatchPlan plan(BatchPlan p) {
        return p.withOrder(BatchOrder.SHUFFLED).withSeed(seed);
    }
}
