/**
 * Hyperparameter search: a typed {@link dev.optim.search.SearchSpace}, samplers (grid, random,
 * scrambled {@link dev.optim.search.SobolSequence Sobol}, {@link dev.optim.search.BayesianSampler
 * Bayesian optimisation} with a Gaussian process), early stopping by
 * {@link dev.optim.search.SuccessiveHalving successive halving}, an ask/tell
 * {@link dev.optim.search.Study} that is reproducible from its seed for any number of workers and
 * survives a crash through its journal, and a {@link dev.optim.search.LocalRunner} on all cores.
 *
 * <pre>{@code
 * SearchSpace space = SearchSpace.of(Parameter.logUniform("lr", 1e-4, 1), Parameter.integer("batch", 1, 300));
 * try (Study study = Study.builder(space).sampler(new BayesianSampler()).seed(1).build()) {
 *     new LocalRunner().run(study, t -> train(t.params().getDouble("lr"), t.params().getInt("batch")), 40);
 *     System.out.println(study.best().orElseThrow());
 * }
 * }</pre>
 */
package dev.optim.search;
