/**
 * The definitions of the test functions, one class each, with the formula, the gradient, the
 * domain, the known minima and the references in each class's documentation. Obtain them through
 * {@link dev.optim.landscapes.Landscapes} or construct them directly.
 *
 * <p>Every function is written twice with the same operations in the same order: on
 * {@code double}s for one point, and on ND4J columns for a batch of points. Plain arithmetic,
 * {@code sqrt} and {@code abs} of the batch are ND4J operations; {@code sin}, {@code cos},
 * {@code exp} and {@code pow} are {@link java.lang.StrictMath}'s in both forms (ND4J's native ones
 * differ in the last bit for some arguments), so that a batch equals the points one by one exactly
 * and results are the same on every platform. (On a GPU backend, those columns pass through host
 * memory.)
 *
 * <p>Non-differentiable points return a documented value with {@code sign(0) = 0}, never NaN.
 */
package dev.optim.landscapes.functions;
