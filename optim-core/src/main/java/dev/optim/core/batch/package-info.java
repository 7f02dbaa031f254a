/**
 * Mini-batches for stochastic objectives: which examples each update sees. A {@link
 * dev.optim.core.batch.BatchPlan} is the immutable configuration (batch size as a schedule,
 * order, what happens to the last partial batch of an epoch); {@link
 * dev.optim.core.batch.MiniBatches} walks it.
 */
package dev.optim.core.batch;
