package dev.optim.core.train;

/**
 * One evaluation of a training run, after {@code step} updates.
 *
 * @param step the number of updates done
 * @param epoch the number of completed epochs
 * @param runningLoss the mean of the mini-batch losses since the previous evaluation (each
 *     taken before its update), NaN if there were none
 * @param trainLoss the loss over the whole training objective, NaN when not evaluated
 * @param validationLoss the validation objective's loss, NaN without a validation objective
 */
public record Evaluation(long step, long epoch, double runningLoss, double trainLoss,
        double validationLoss) {
}
