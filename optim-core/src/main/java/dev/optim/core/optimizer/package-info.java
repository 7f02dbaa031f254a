/**
 * The optimizers, each an immutable configuration built with a builder, with its element-wise
 * update rule beside it: the article's four, {@link dev.optim.core.optimizer.Sgd},
 * {@link dev.optim.core.optimizer.Momentum} (three forms), {@link dev.optim.core.optimizer.RmsProp}
 * (with PyTorch's momentum and centred options) and {@link dev.optim.core.optimizer.Adam} (with
 * AMSGrad), and {@link dev.optim.core.optimizer.Adagrad}, {@link dev.optim.core.optimizer.Adadelta},
 * {@link dev.optim.core.optimizer.Adamax}, {@link dev.optim.core.optimizer.NAdam},
 * {@link dev.optim.core.optimizer.RAdam} and {@link dev.optim.core.optimizer.Lion}.
 * {@link dev.optim.core.optimizer.Optimizers} builds any of them by name. Their rules follow
 * PyTorch's {@code torch.optim} operation by operation (Lion its reference code), so that float64
 * trajectories agree with PyTorch's to the last few bits.
 */
package dev.optim.core.optimizer;
