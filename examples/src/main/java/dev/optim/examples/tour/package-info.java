/**
 * The tour: one command that retells the article "Optimizing neural networks" in seven pictures
 * and a summary table ({@link dev.optim.examples.tour.Tour}). Each point of the article is one
 * {@link dev.optim.examples.tour.TourStep}.
 */
package dev.optim.examples.tour;
