/**
 * How sharp a minimum is: the measures with which Keskar et al. (2017) argue that large batches
 * find sharper minima that generalise worse, on any {@link dev.optim.core.Objective} (a landscape,
 * a linear model, a network's loss over a flat parameter vector).
 *
 * <ul>
 *   <li>{@link dev.optim.landscapes.sharpness.HessianVectorProduct}: {@code v ↦ H·v} at a point,
 *       by central differences of the objective's gradient (or supplied by a framework with
 *       second derivatives).
 *   <li>{@link dev.optim.landscapes.sharpness.Lanczos} and
 *       {@link dev.optim.landscapes.sharpness.PowerIteration}: the largest Hessian eigenvalues from
 *       Hessian-vector products alone, as a {@link dev.optim.landscapes.sharpness.Spectrum}.
 *   <li>{@link dev.optim.landscapes.sharpness.EpsilonSharpness}: Keskar et al.'s
 *       ε-sharpness, the largest relative loss increase in a box around the point, in the full
 *       space or in a random subspace.
 *   <li>{@link dev.optim.landscapes.sharpness.LineSlice}: the loss along a line, between two
 *       solutions (Goodfellow et al. 2015; Keskar et al., Figure 3) or along a direction
 *       (Li et al. 2018); 2-D slices are {@link dev.optim.landscapes.Surface#slice}.
 * </ul>
 *
 * <p>References: N. S. Keskar, D. Mudigere, J. Nocedal, M. Smelyanskiy and P. T. P. Tang, "On
 * Large-Batch Training for Deep Learning: Generalization Gap and Sharp Minima", ICLR 2017;
 * I. J. Goodfellow, O. Vinyals and A. M. Saxe, "Qualitatively characterizing neural network
 * optimization problems", ICLR 2015; C. Lanczos, "An iteration method for the solution of the
 * eigenvalue problem of linear differential and integral operators", J. Res. NBS 45 (1950);
 * G. H. Golub and C. F. Van Loan, "Matrix Computations", 4th ed., sections 8.5 and 10.1.
 */
package dev.optim.landscapes.sharpness;
