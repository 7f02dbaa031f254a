/**
 * The article's four optimizers, each an immutable configuration built with a builder: {@link
 * dev.optim.core.optimizer.Sgd}, {@link dev.optim.core.optimizer.Momentum} (three forms), {@link
 * dev.optim.core.optimizer.RmsProp} and {@link dev.optim.core.optimizer.Adam}. Their update rules
 * follow PyTorch 1.13's {@code torch.optim} operation by operation, so that float64 trajectories
 * agree with PyTorch's to the last few bits.
 */
package dev.optim.core.optimizer;
