package dev.optim.examples.search;

import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.StopReason;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.experiment.LineFit;
import dev.optim.landscapes.regression.RegressionData;
import dev.optim.search.Failure;
import dev.optim.search.Trial;
import dev.optim.search.TrialObjective;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The article's regression problem as a search objective: mini-batch SGD on the line fit with
 * learning rate {@code lr} and batch size {@code batch} (default: the whole set), for a fixed
 * budget of {@code epochs} passes over the data (so {@code epochs·⌈N/B⌉} updates: small batches
 * take more, noisier steps), from the article's initialisation; the value is the final mean
 * squared error over the whole set. A diverged run throws, which the study records as a
 * {@link Failure}.
 *
 * @param data the points
 * @param epochs the budget in passes over the data
 * @param initSeed the seed of the article's initialisation
 */
public record RegressionTrials(RegressionData data, int epochs, long initSeed) implements TrialObjective {

    @Override
    public double evaluate(Trial trial) {
        double lr = trial.params().getDouble("lr");
        int n = data.size();
        int b = trial.params().has("batch") ? (int) Math.min(n, trial.params().getLong("batch")) : n;
        long steps = (long) epochs * ((n + b - 1) / b);
        DescentResult r = LineFit.run(data, Sgd.of(lr), LineFit.articleInit(initSeed), steps, b, false, 0,
                DataType.DOUBLE);
        if (r.reason() == StopReason.DIVERGED) {
            throw new ArithmeticException("diverged at step " + r.divergedAtStep());
        }
        return r.loss();
    }
}
