/**
 * The subcommands of the {@code optim} command line ({@code landscapes}, {@code eval},
 * {@code run}, {@code regress}, {@code surface}, {@code race}, {@code tour}) and the option
 * groups and converters they share. Bad input ends a command with a one-line message that names
 * the option and the value, and exit status {@link dev.optim.examples.cli.ExitCodes#BAD_INPUT}.
 */
package dev.optim.examples.cli;
