/**
 * The optimizers, each an immutable configuration built with a builder.
 *
 * <ul>
 *   <li>Element-wise rules, each with its update rule beside it: the article's four,
 *       {@link dev.optim.core.optimizer.Sgd}, {@link dev.optim.core.optimizer.Momentum} (three
 *       forms), {@link dev.optim.core.optimizer.RmsProp} (with PyTorch's momentum and centred
 *       options) and {@link dev.optim.core.optimizer.Adam} (with AMSGrad), and
 *       {@link dev.optim.core.optimizer.Adagrad}, {@link dev.optim.core.optimizer.Adadelta},
 *       {@link dev.optim.core.optimizer.Adamax}, {@link dev.optim.core.optimizer.NAdam},
 *       {@link dev.optim.core.optimizer.RAdam}, {@link dev.optim.core.optimizer.Lion} and
 *       {@link dev.optim.core.optimizer.ScheduleFreeAdamW}. Their rules follow PyTorch's
 *       {@code torch.optim} operation by operation (Lion and Schedule-Free their reference code),
 *       so that float64 trajectories agree with PyTorch's to the last few bits.
 *       {@link dev.optim.core.optimizer.Optimizers} builds any of them by name.
 *   <li>{@link dev.optim.core.optimizer.Swats} (Adam switching to SGD: a criterion over all
 *       parameters).
 *   <li>Optimizers built around others, whose state holds the inner state: {@link
 *       dev.optim.core.optimizer.Lookahead} and {@link dev.optim.core.optimizer.OnPlateau} (a
 *       {@link dev.optim.core.schedule.ReduceOnPlateau} rate).
 *   <li>{@link dev.optim.core.optimizer.Lbfgs}, PyTorch's L-BFGS with its strong-Wolfe line
 *       search, which evaluates the objective itself: {@code minimize}, or
 *       {@link dev.optim.core.descent.Descent#lineSearch(dev.optim.core.LineSearchOptimizer)}.
 * </ul>
 */
package dev.optim.core.optimizer;
