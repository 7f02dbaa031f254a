/**
 * The core concepts of Optim: what is minimised ({@link dev.optim.core.Objective},
 * {@link dev.optim.core.Loss}), how ({@link dev.optim.core.Optimizer} with its
 * {@link dev.optim.core.OptimizerState}) and with which rate ({@link dev.optim.core.Schedule}).
 *
 * <p>Conventions used throughout: {@code θ} are the parameters, {@code g} the gradient, and
 * {@code t = 1} for the first update. Schedules are evaluated at step {@code k = t − 1}, so the
 * first update uses {@code schedule.valueAt(0)}.
 */
package dev.optim.core;
