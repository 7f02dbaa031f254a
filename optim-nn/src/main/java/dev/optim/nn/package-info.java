/**
 * Optim for neural networks: ND4J SameDiff graphs as stochastic objectives ({@link
 * dev.optim.nn.SameDiffObjective}), a small builder for multi-layer perceptrons ({@link
 * dev.optim.nn.Mlp}), and an ND4J/DL4J updater that runs Optim's optimizers inside SameDiff and
 * DL4J training.
 */
package dev.optim.nn;
