/**
 * Parameter sets: a network's named tensors, split into groups with their own hyperparameters,
 * stepped as one by one optimizer with one state, as PyTorch's {@code param_groups} and Optax's
 * {@code partition}.
 *
 * <ul>
 *   <li>{@link dev.optim.core.params.ParameterSet}: the named, ordered tensors and their
 *       {@link dev.optim.core.params.ParameterGroup}s;
 *   <li>{@link dev.optim.core.params.GroupOverrides}: what a group changes (learning-rate
 *       schedule, weight decay, any builder hyperparameter);
 *   <li>{@link dev.optim.core.params.GradientSet}: the gradients, by name;
 *   <li>{@link dev.optim.core.params.ParameterSetOptimizer}: one call steps every tensor, with
 *       clipping by a norm over the whole set, on one or more threads;
 *   <li>{@link dev.optim.core.params.ParameterSetState}: the run's state, saved and restored
 *       by tensor name and shape.
 * </ul>
 */
package dev.optim.core.params;
