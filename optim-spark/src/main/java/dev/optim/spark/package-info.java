/**
 * Hyperparameter search beyond one machine: {@link dev.optim.spark.SparkRunner} runs a
 * {@link dev.optim.search.Study}'s trials as Apache Spark tasks, with the same trials and results
 * as the local runner. Spark is a {@code provided} dependency: the cluster brings it.
 */
package dev.optim.spark;
