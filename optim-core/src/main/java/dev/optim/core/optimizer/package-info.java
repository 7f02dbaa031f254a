/**
 * The optimizers, each an immutable configuration built with a builder.
 *
 * <ul>
 *   <li>The article's four: {@link dev.optim.core.optimizer.Sgd},
 *       {@link dev.optim.core.optimizer.Momentum} (three forms),
 *       {@link dev.optim.core.optimizer.RmsProp} and {@link dev.optim.core.optimizer.Adam}, whose
 *       rules follow PyTorch 1.13's {@code torch.optim} operation by operation, so that float64
 *       trajectories agree with PyTorch's to the last few bits.
 *   <li>{@link dev.optim.core.optimizer.ScheduleFreeAdamW} (an element-wise rule, like the four)
 *       and {@link dev.optim.core.optimizer.Swats} (Adam switching to SGD: a criterion over all
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
