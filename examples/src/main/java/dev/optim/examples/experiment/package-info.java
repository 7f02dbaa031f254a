/**
 * The article's experiments as reusable pieces, shared by the command line and the tour:
 * surfaces as plottable grids ({@link dev.optim.examples.experiment.Surfaces}), the optimizer
 * race ({@link dev.optim.examples.experiment.Race}), and the regression runs
 * ({@link dev.optim.examples.experiment.LineFit}).
 */
package dev.optim.examples.experiment;
