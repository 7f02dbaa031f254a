/**
 * Update kernels: the tier machinery that applies an optimizer's element-wise
 * {@link dev.optim.core.kernel.UpdateRule} to parameters, gradient and state as fused passes, in
 * tiers (SIMD, plain, ND4J ops) chosen by {@link dev.optim.core.kernel.Kernels}. The extension
 * API for new optimizers is {@link dev.optim.core.kernel.UpdateRule} (with
 * {@link dev.optim.core.kernel.Nd4jOps} and, in the JDK 25 part of the JAR, {@code VectorRule});
 * {@link dev.optim.core.kernel.Kernel} and {@link dev.optim.core.kernel.Scratch} are for drivers
 * that step ranges of a state on several threads. See {@code docs/adding-an-optimizer.md}.
 */
package dev.optim.core.kernel;
