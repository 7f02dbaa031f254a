package dev.optim.examples.experiment;

import dev.optim.core.LineSearchOptimizer;
import dev.optim.core.Optimizer;
import dev.optim.core.descent.Descent;
import dev.optim.core.descent.DescentResult;
import dev.optim.core.descent.LineSearchDescent;
import dev.optim.core.descent.StopReason;
import dev.optim.landscapes.Landscape;

/**
 * The descent that {@code optim run}, {@code optim race} and the tour's race make on a landscape,
 * so that the same settings give the same trajectory everywhere: {@code steps} updates, every
 * {@code every}-th row recorded with its parameters, no tolerance, and two divergence rules.
 *
 * <ul>
 *   <li>the library's: a non-finite loss or gradient, or a loss above {@code 10⁶·max(|f₀|, 1)}
 *       ({@link StopReason#DIVERGED});
 *   <li>its mirror image, for landscapes without a lower bound (saddle, monkey-saddle): a loss
 *       below {@code −10⁶·max(|f₀|, 1)} stops the run as <em>unbounded below</em>
 *       ({@link StopReason#STOP_CONDITION}, which nothing else here uses).
 * </ul>
 *
 * <p>{@code f₀} is the loss at the start. Both count as diverged for the exit status.
 */
public final class Descents {

    /**
     * The most rows a command-line descent records, 10⁶ ({@code --every} thins beyond it); the
     * first and the last row come on top.
     */
    public static final int ROW_LIMIT = 1_000_000;

    /** The factor of both divergence rules, the library's default. */
    public static final double FACTOR = 1e6;

    private Descents() {}

    /**
     * The descent.
     *
     * @param optimizer the optimizer
     * @param steps the number of updates
     * @param every record every {@code every}-th row (and always the first and the last)
     * @param landscape the landscape
     * @param start the start point (for {@code f₀})
     * @return the descent
     */
    public static Descent on(Optimizer optimizer, long steps, int every, Landscape landscape,
            double[] start) {
        double floor = -lowerLimit(landscape.value(start));
        return Descent.builder(optimizer).maxSteps(steps).recordEvery(every)
                .recordParameters(true).recordLimit(ROW_LIMIT + 2).divergenceFactor(FACTOR)
                .stopWhen((step, loss, gradNorm) -> loss < floor).build();
    }

    /**
     * The same descent for a line-search optimizer (L-BFGS): at most {@code steps} iterations,
     * every {@code every}-th row recorded with its parameters, the optimizer's own stop rules,
     * and the lower rule (unbounded below). Divergence is the optimizer's: a non-finite value or
     * direction ({@link StopReason#DIVERGED}); a line search does not let the loss grow.
     *
     * @param optimizer the optimizer
     * @param steps the most iterations
     * @param every record every {@code every}-th row (and always the first and the last)
     * @param landscape the landscape
     * @param start the start point (for {@code f₀})
     * @return the descent
     */
    public static LineSearchDescent lineSearch(LineSearchOptimizer optimizer, long steps,
            int every, Landscape landscape, double[] start) {
        double floor = -lowerLimit(landscape.value(start));
        return Descent.lineSearch(optimizer).maxSteps(steps).recordEvery(every)
                .recordParameters(true).stopWhen((step, loss, gradNorm) -> loss < floor).build();
    }

    /**
     * The size {@code 10⁶·max(|f₀|, 1)} beyond which a loss counts as diverged.
     *
     * @param f0 the loss at the start
     * @return the limit
     */
    public static double lowerLimit(double f0) {
        return FACTOR * Math.max(Math.abs(f0), 1.0);
    }

    /**
     * Whether the run fell without bound (stopped by the lower rule).
     *
     * @param r the result of a descent made by {@link #on}
     * @return true if unbounded below
     */
    public static boolean unboundedBelow(DescentResult r) {
        return r.reason() == StopReason.STOP_CONDITION;
    }

    /**
     * Whether the run diverged by either rule.
     *
     * @param r the result of a descent made by {@link #on}
     * @return true if diverged or unbounded below
     */
    public static boolean diverged(DescentResult r) {
        return r.reason() == StopReason.DIVERGED || unboundedBelow(r);
    }
}
