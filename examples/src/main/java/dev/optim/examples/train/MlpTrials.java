package dev.optim.examples.train;

import dev.optim.core.batch.BatchOrder;
import dev.optim.core.batch.BatchPlan;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.train.Trainer;
import dev.optim.core.train.TrainingResult;
import dev.optim.core.train.TrainingStop;
import dev.optim.nn.Activation;
import dev.optim.nn.Mlp;
import dev.optim.nn.SameDiffObjective;
import dev.optim.search.Failure;
import dev.optim.search.Trial;
import dev.optim.search.TrialObjective;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An MLP classifier as a search objective, the article's experiment on a network: mini-batch SGD
 * with learning rate {@code lr} and batch size {@code batch} for a fixed budget of
 * {@code epochs} passes over the training part (so smaller batches take more updates), from the
 * same seeded initial weights for every trial; the value is the cross-entropy over the
 * validation part at the end. Features are standardised with the training part's statistics. A
 * diverged run throws, which the study records as a {@link Failure}. Each trial builds its own
 * graph (a SameDiff graph is used from one thread), so trials run on several threads.
 *
 * @param train the training examples
 * @param validation the held-out examples
 * @param hidden the hidden layers' widths (tanh)
 * @param epochs the budget in passes over the training part, {@code ≥ 1}
 * @param seed the seed of the initial weights and of the batches
 */
public record MlpTrials(LabelledData train, LabelledData validation, int[] hidden, int epochs,
        long seed) implements TrialObjective {

    /**
     * Validates the configuration.
     *
     * @param train the training examples, not null
     * @param validation the held-out examples, not null, of the same width and classes
     * @param hidden the widths, each {@code ≥ 1}
     * @param epochs {@code ≥ 1}
     * @param seed the seed
     * @throws IllegalArgumentException if a value is out of range
     */
    public MlpTrials {
        if (train == null || validation == null) {
            throw new IllegalArgumentException("train and validation must not be null");
        }
        if (train.width() != validation.width() || train.classes() != validation.classes()) {
            throw new IllegalArgumentException("validation must have the training part's "
                    + train.width() + " features and " + train.classes() + " classes");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        for (int w : hidden) {
            if (w < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + w);
            }
        }
        hidden = hidden.clone();
    }

    /**
     * A data set split into its training and validation parts.
     *
     * @param all the examples
     * @param validationFraction the held-out fraction, in {@code (0, 1)}
     * @param hidden the hidden layers' widths
     * @param epochs the budget in passes
     * @param seed the seed of the split, the weights and the batches
     * @return the objective
     */
    public static MlpTrials split(LabelledData all, double validationFraction, int[] hidden,
            int epochs, long seed) {
        LabelledData[] parts = all.split(validationFraction, seed);
        if (parts[1] == null) {
            throw new IllegalArgumentException("the validation fraction " + validationFraction
                    + " holds out no example");
        }
        return new MlpTrials(parts[0], parts[1], hidden, epochs, seed);
    }

    @Override
    public double evaluate(Trial trial) {
        double lr = trial.params().getDouble("lr");
        int n = train.size();
        int batch = trial.params().has("batch")
                ? (int) Math.max(1, Math.min(n, trial.params().getLong("batch"))) : n;
        double[][] stats = train.standardisation();
        Mlp.Builder b = Mlp.builder(train.width()).dataType(DataType.FLOAT).seed(seed);
        for (int w : hidden) {
            b.dense(w, Activation.TANH);
        }
        Mlp mlp = b.softmaxCrossEntropy(train.classes()).build();
        INDArray xTrain = TrainCommand.matrix(train, stats, DataType.FLOAT);
        INDArray xVal = TrainCommand.matrix(validation, stats, DataType.FLOAT);
        SameDiffObjective f = mlp.classification(xTrain, train.labels());
        SameDiffObjective v = mlp.classification(xVal, validation.labels());
        TrainingResult r = Trainer.builder(Sgd.of(lr))
                .batchPlan(BatchPlan.of(batch).withOrder(BatchOrder.SHUFFLED).withSeed(seed))
                .epochs(epochs).fullLoss(false).build().run(f, f.parameters());
        if (r.stop() == TrainingStop.DIVERGED) {
            throw new ArithmeticException("diverged: " + r.divergence().map(Object::toString)
                    .orElse("a non-finite loss"));
        }
        double value = v.value(f.parameters());
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("validation loss not finite: " + value);
        }
        return value;
    }
}
