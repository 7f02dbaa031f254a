/**
 * Training loops for stochastic objectives: {@link dev.optim.core.train.Trainer} steps an
 * optimizer on mini-batches, reports the running mini-batch loss, evaluates the full and
 * validation losses on a cadence (per epoch by default, not per step), stops early on a
 * validation plateau, and stops on a non-finite loss with the last finite parameters.
 */
package dev.optim.core.train;
