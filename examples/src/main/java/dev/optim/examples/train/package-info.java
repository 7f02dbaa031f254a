/**
 * {@code optim train}: trains a multi-layer perceptron on a CSV of features and class labels, or
 * on a shipped data set (the UCI digits, or generated spirals), with any of Optim's optimizers
 * and schedules, and prints one row per epoch.
 */
package dev.optim.examples.train;
