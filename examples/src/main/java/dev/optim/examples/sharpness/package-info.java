/**
 * Sharp and flat minima on networks, the article's section (c) measured at small scale: the
 * glue between {@code optim-nn}'s MLP and {@code optim-landscapes}' sharpness measures
 * ({@link dev.optim.examples.sharpness.NetworkSharpness}, which saves and restores the trained
 * parameters around every measure), the MLP-layout filter normalisation of Li et al. 2018
 * ({@link dev.optim.examples.sharpness.FilterDirections}), and the experiments: small versus
 * large batches trained to the same loss (Keskar et al. 2017,
 * {@link dev.optim.examples.sharpness.BatchSizeExperiment}), rate decay versus batch growth
 * (Smith, Kindermans et al. 2018) and Adam versus SGD versus SWATS (Keskar and Socher 2017,
 * {@link dev.optim.examples.sharpness.ScheduleExperiment}), with the {@code optim sharpness}
 * command that prints the table and draws the pictures.
 */
package dev.optim.examples.sharpness;
