/**
 * Gaussian-process regression for Bayesian optimisation: the {@link dev.optim.search.gp.Matern52}
 * kernel, the {@link dev.optim.search.gp.GaussianProcess} posterior, hyperparameters fitted by
 * maximum marginal likelihood ({@link dev.optim.search.gp.GpFit}) with a
 * {@link dev.optim.search.gp.Minimizer}, and {@link dev.optim.search.gp.ExpectedImprovement}.
 *
 * <p>Reference: C. E. Rasmussen and C. K. I. Williams, "Gaussian Processes for Machine Learning",
 * MIT Press 2006.
 */
package dev.optim.search.gp;
