package dev.optim.core.optimizer;

/**
 * The strong-Wolfe line search of PyTorch's {@code torch.optim.LBFGS} ({@code _strong_wolfe},
 * ported from Torch7's {@code lswolfe.lua}, after minFunc), operation for operation, so that a
 * float64 run takes PyTorch's trial steps.
 *
 * <p>Along {@code x + t·d} from {@code φ(0) = f}, {@code φ'(0) = gtd < 0}, it looks for a step
 * with {@code φ(t) ≤ f + c1·t·gtd} (sufficient decrease) and {@code |φ'(t)| ≤ −c2·gtd}
 * (curvature): a bracketing phase extrapolates by cubic interpolation within
 * {@code [t + 0.01·(t − t_prev), 10·t]} until the conditions hold or an interval containing such
 * a step is found; a zoom phase then shrinks it by safeguarded cubic interpolation (a trial
 * within 10% of an end is moved to 10% from it after two such trials in a row). At most
 * {@code maxLs} evaluations after the first; the zoom ends when the bracket is shorter than
 * {@code tolChange / max|d|}.
 *
 * <p>Optim's safeguard (PyTorch has none, and returns NaN, its issue #5953): a trial whose value
 * or directional derivative is not finite counts as failing the sufficient-decrease test, and a
 * non-finite interpolated step is replaced by the bracket's midpoint. Finite runs are unchanged.
 */
final class StrongWolfe {

    /** The objective along the search line. */
    interface Line {
        /**
         * Evaluates {@code f(x + t·d)}, writing its gradient into {@code gradient}.
         *
         * @param t the step
         * @param gradient where the gradient is written
         * @return the value
         */
        double at(double t, double[] gradient);
    }

    /** The accepted step: its value, gradient, length and the evaluations made. */
    record Outcome(double f, double[] g, double t, int evaluations) {}

    private StrongWolfe() {}

    static Outcome search(Line line, double t, double[] d, double f, double[] g0, double gtd,
            double c1, double c2, double tolChange, int maxLs) {
        int n = d.length;
        double dNorm = Vectors.maxAbs(d);
        double[] g = g0.clone();
        double[] gNew = new double[n];
        double fNew = line.at(t, gNew);
        int evals = 1;
        double gtdNew = Vectors.dot(gNew, d);

        double tPrev = 0;
        double fPrev = f;
        double[] gPrev = g;
        double gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        double[] bracket = null;
        double[] bf = null;
        double[][] bg = null;
        double[] bgtd = null;
        while (lsIter < maxLs) {
            if (failsDecrease(fNew, gtdNew, f, c1, t, gtd) || (lsIter > 1 && fNew >= fPrev)) {
                bracket = new double[] {tPrev, t};
                bf = new double[] {fPrev, fNew};
                bg = new double[][] {gPrev, gNew.clone()};
                bgtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            if (Math.abs(gtdNew) <= -c2 * gtd) {
                bracket = new double[] {t};
                bf = new double[] {fNew};
                bg = new double[][] {gNew};
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                bracket = new double[] {tPrev, t};
                bf = new double[] {fPrev, fNew};
                bg = new double[][] {gPrev, gNew.clone()};
                bgtd = new double[] {gtdPrev, gtdNew};
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = cubic(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            if (!Double.isFinite(t)) {
                t = maxStep;
            }
            tPrev = tmp;
            fPrev = fNew;
            gPrev = gNew.clone();
            gtdPrev = gtdNew;
            fNew = line.at(t, gNew);
            evals++;
            gtdNew = Vectors.dot(gNew, d);
            lsIter++;
        }
        if (lsIter == maxLs) {
            bracket = new double[] {0, t};
            bf = new double[] {f, fNew};
            bg = new double[][] {g, gNew};
        }

        boolean insufficientProgress = false;
        int low = lowIndex(bf);
        int high = 1 - low;
        while (!done && lsIter < maxLs) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < tolChange) {
                break;
            }
            t = cubic(bracket[0], bf[0], bgtd[0], bracket[1], bf[1], bgtd[1]);
            double bMax = pyMax(bracket[0], bracket[1]);
            double bMin = pyMin(bracket[0], bracket[1]);
            if (!Double.isFinite(t)) {
                t = (bMin + bMax) / 2;
            }
            double eps = 0.1 * (bMax - bMin);
            if (pyMin(bMax - t, t - bMin) < eps) {
                if (insufficientProgress || t >= bMax || t <= bMin) {
                    if (Math.abs(t - bMax) < Math.abs(t - bMin)) {
                        t = bMax - eps;
                    } else {
                        t = bMin + eps;
                    }
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            fNew = line.at(t, gNew);
            evals++;
            gtdNew = Vectors.dot(gNew, d);
            lsIter++;
            if (failsDecrease(fNew, gtdNew, f, c1, t, gtd) || fNew >= bf[low]) {
                bracket[high] = t;
                bf[high] = fNew;
                bg[high] = gNew.clone();
                bgtd[high] = gtdNew;
                low = lowIndex(bf);
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -c2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
                    bracket[high] = bracket[low];
                    bf[high] = bf[low];
                    bg[high] = bg[low];
                    bgtd[high] = bgtd[low];
                }
                bracket[low] = t;
                bf[low] = fNew;
                bg[low] = gNew.clone();
                bgtd[low] = gtdNew;
            }
        }
        return new Outcome(bf[low], bg[low], bracket[low], evals);
    }

    /**
     * PyTorch's {@code f_new > f + c1·t·gtd}, and true when the trial is not finite (where
     * PyTorch's comparison is false and lets NaN through).
     */
    private static boolean failsDecrease(double fNew, double gtdNew, double f, double c1,
            double t, double gtd) {
        return !Double.isFinite(fNew) || !Double.isFinite(gtdNew) || fNew > f + c1 * t * gtd;
    }

    /**
     * PyTorch's {@code (0, 1) if f[0] <= f[-1] else (1, 0)}, never choosing a non-finite value
     * over a finite one.
     */
    private static int lowIndex(double[] bf) {
        double last = bf[bf.length - 1];
        return bf[0] <= last || !Double.isFinite(last) ? 0 : 1;
    }

    /** PyTorch's {@code _cubic_interpolate} with the bounds of the two points. */
    static double cubic(double x1, double f1, double g1, double x2, double f2, double g2) {
        return x1 <= x2 ? cubic(x1, f1, g1, x2, f2, g2, x1, x2)
                : cubic(x1, f1, g1, x2, f2, g2, x2, x1);
    }

    /**
     * The minimiser of the cubic through {@code (x1, f1, g1)} and {@code (x2, f2, g2)}, clamped
     * to {@code [lo, hi]}; the midpoint of the bounds if the cubic has no minimum.
     */
    static double cubic(double x1, double f1, double g1, double x2, double f2, double g2,
            double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos;
            if (x1 <= x2) {
                minPos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2));
            } else {
                minPos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            }
            return pyMin(pyMax(minPos, lo), hi);
        }
        return (lo + hi) / 2.;
    }

    /** Python's {@code max(a, b)}: {@code b} only if {@code b > a}. */
    static double pyMax(double a, double b) {
        return b > a ? b : a;
    }

    /** Python's {@code min(a, b)}: {@code b} only if {@code b < a}. */
    static double pyMin(double a, double b) {
        return b < a ? b : a;
    }
}
