/**
 * {@code optim playground}: the article's two interactive figures in a browser, computed by the
 * library. A local HTTP server ({@link dev.optim.examples.playground.PlaygroundServer}, the JDK's
 * own {@code com.sun.net.httpserver}) serves the page's static files from the jar's resources
 * ({@code /playground/}) and a small JSON API ({@link dev.optim.examples.playground.PlaygroundApi})
 * whose requests are bounded ({@link dev.optim.examples.playground.Limits}) and whose errors are
 * JSON objects naming the field ({@link dev.optim.examples.playground.ApiException}).
 */
package dev.optim.examples.playground;
