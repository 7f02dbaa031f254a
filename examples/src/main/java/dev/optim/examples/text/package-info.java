/**
 * Text output shared by the command line and the tour: short numbers for tables and titles
 * ({@link dev.optim.examples.text.Numbers}), aligned and Markdown tables
 * ({@link dev.optim.examples.text.TextTable}) and just enough JSON
 * ({@link dev.optim.examples.text.Json}). Data output (CSV, JSON) prints doubles with
 * {@link java.lang.Double#toString(double)}, which round-trips.
 */
package dev.optim.examples.text;
