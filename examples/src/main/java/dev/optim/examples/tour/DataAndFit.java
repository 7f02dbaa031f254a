package dev.optim.examples.tour;

import dev.optim.core.descent.DescentResult;
import dev.optim.core.optimizer.Sgd;
import dev.optim.examples.experiment.LineFit;
import dev.optim.examples.plot.Charts;
import dev.optim.examples.plot.LineChart;
import dev.optim.examples.text.Numbers;
import dev.optim.landscapes.regression.Line;
import dev.optim.landscapes.regression.RegressionData;
import java.io.IOException;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Point 1: the regression data with the ground-truth line and the line that gradient descent
 * fits. The least-squares line's loss on the sample is at most the ground truth's: the article's
 * question "why can your optimization end up with a cost value lower than the ground truth
 * line?".
 */
final class DataAndFit implements TourStep {

    /** Full-batch GD at the article's default rate. */
    static final double LR = 0.01;

    @Override
    public String title() {
        return "regression data, ground truth and fitted line";
    }

    @Override
    public List<Finding> run(TourContext ctx) throws IOException {
        RegressionData d = ctx.regressionData();
        Line truth = d.truth().orElseThrow();
        Line ls = d.leastSquares();
        int steps = ctx.settings().pick(1000, 300);
        DescentResult r = LineFit.run(d, Sgd.of(LR), LineFit.articleInit(ctx.settings().seed()),
                steps, d.size(), false, ctx.settings().seed(), DataType.DOUBLE);
        Line fit = Line.of(r.parameters());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : d.xs()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] ends = {lo, hi};
        String name = ctx.png("1-regression-data.png", LineChart
                .builder("Regression data: " + d.size() + " noisy points", "x", "y")
                .subtitle("y = slope·x + intercept + noise; the line fitted by gradient descent"
                        + " (lr " + LR + ", full batch, " + steps + " steps)")
                .points("data", d.xs(), d.ys(), new java.awt.Color(0x999999))
                .series("ground truth " + line(truth), ends, at(truth, ends), Charts.TRUTH)
                .series("fitted by GD " + line(fit), ends, at(fit, ends), Charts.INIT)
                .build());
        String result = "ground truth " + line(truth) + " has loss " + Numbers.sig4(d.loss(truth))
                + "; GD after " + steps + " steps " + line(fit) + " has "
                + Numbers.sig4(r.loss()) + "; least squares " + line(ls) + " has "
                + Numbers.sig4(d.loss(ls)) + " <= the truth's: the fit follows this sample's"
                + " noise";
        return List.of(new Finding(1, "the data, the ground truth and the fitted line", result,
                List.of(name)));
    }

    static String line(Line l) {
        return "(slope " + Numbers.sig4((l.slope())) + ", intercept "
                + Numbers.sig4((l.intercept())) + ")";
    }


    private static double[] at(Line l, double[] xs) {
        double[] y = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            y[i] = l.predict(xs[i]);
        }
        return y;
    }
}
