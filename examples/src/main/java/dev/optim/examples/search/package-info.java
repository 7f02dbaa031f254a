/**
 * Hyperparameter search in the examples: the {@code optim search} command, the article's search
 * over learning rate and batch size with its pictures, and the regret table of random, Sobol and
 * Bayesian search on Branin and Hartmann-6.
 */
package dev.optim.examples.search;
