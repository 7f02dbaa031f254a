/**
 * The line fit of the article "Optimizing neural networks": points sampled with noise around a
 * ground-truth line ({@link dev.optim.landscapes.regression.RegressionProblem},
 * {@link dev.optim.landscapes.regression.RegressionData}), the L2 objective over slope and
 * intercept, full batch or mini-batch
 * ({@link dev.optim.landscapes.regression.RegressionObjective}), the closed-form least-squares
 * {@link dev.optim.landscapes.regression.Line}, and the loss surface over the article's axes.
 *
 * <p>The article's setup: ground-truth slope and intercept from {@code U(−4, 4)},
 * {@code x ~ Normal(0, variance 5)}, {@code y = b + w·x + Normal(0, variance 10)}, 20, 300
 * (default) or 800 points, the loss landscape drawn for slope and intercept in {@code [−5, 5]}.
 */
package dev.optim.landscapes.regression;
