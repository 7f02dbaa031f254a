/**
 * Update kernels: the fused loops that apply an optimizer's rule to parameters, gradient and
 * state, in tiers (SIMD, plain, ND4J ops) chosen by {@link dev.optim.core.kernel.Kernels}.
 * Internal to Optim: public only because the optimizers in {@code dev.optim.core.optimizer}
 * call it; not an API, and it may change without notice.
 */
package dev.optim.core.kernel;
