/**
 * Artificial landscapes for optimizers and the loss surfaces to look at them with.
 *
 * <ul>
 *   <li>{@link dev.optim.landscapes.Landscape}: a test function with an analytic gradient, its
 *       {@link dev.optim.landscapes.Domain} and its known {@link dev.optim.landscapes.Minimum
 *       minima}; one point at a time or many at once.
 *   <li>{@link dev.optim.landscapes.Landscapes}: the catalogue, by name
 *       ({@code Landscapes.byName("himmelblau")}) or by factory
 *       ({@code Landscapes.rosenbrock(10)}). The definitions live in
 *       {@link dev.optim.landscapes.functions}.
 *   <li>{@link dev.optim.landscapes.Surface}: the values of a 2-D objective, or of a 2-D slice
 *       through an n-D one, on a {@link dev.optim.landscapes.Grid}; with log-spaced contour levels
 *       and CSV export. {@link dev.optim.landscapes.Directions} draws the filter-normalised random
 *       directions of Li et al. (2018) for slices of a model's loss.
 *   <li>{@link dev.optim.landscapes.sharpness}: how sharp a minimum is (Hessian eigenvalues by
 *       Lanczos, Keskar et al.'s ε-sharpness, loss along a line between two solutions).
 *   <li>{@link dev.optim.landscapes.regression}: the line-fit problem of the article "Optimizing
 *       neural networks".
 * </ul>
 *
 * <p>References: Wikipedia, "Test functions for optimization"; S. Surjanovic and D. Bingham,
 * "Virtual Library of Simulation Experiments: Test Functions and Datasets" (Simon Fraser
 * University, sfu.ca/~ssurjano); H. Li, Z. Xu, G. Taylor, C. Studer and T. Goldstein,
 * "Visualizing the Loss Landscape of Neural Nets", NeurIPS 2018.
 */
package dev.optim.landscapes;
