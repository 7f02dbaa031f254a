/**
 * Runnable examples of the Optim library and the {@code optim} command line:
 * {@link dev.optim.examples.Main} is the entry point of {@code examples/target/optim.jar}.
 * The subcommands live in {@link dev.optim.examples.cli}, the pictures in
 * {@link dev.optim.examples.plot}, and the tour of the article in {@link dev.optim.examples.tour}.
 */
package dev.optim.examples;
