package dev.optim.losses.yolo;

import dev.optim.core.Reduction;
import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The {@link YoloLoss} written as ops of a SameDiff graph, so that a detector's gradient flows
 * from the loss through the network without a copy to the host, and the whole training step can
 * live on the device.
 *
 * <p>It is the same function as {@link YoloLoss} with the same configuration, term by term
 * (equation 3 of Redmon et al. 2016, as that class documents): the responsible predictor by the
 * highest IoU (the lowest index among equals; the nearest box when no IoU is positive), the IoU
 * confidence target held constant, the floored root {@code ρ} in
 * {@link YoloLoss.SizeMode#WIDTH_HEIGHT}, the no-object confidence of every other predictor, the
 * class scores of cells with an object, and the mean or sum over images. The choice of the
 * responsible predictor and the confidence target are computed from the predictions behind a
 * stop-gradient, as {@code YoloLoss} does not differentiate them. A term whose λ is 0 is left
 * out of the graph (its value is 0).
 *
 * <p>Unlike {@link YoloLoss}, it does not validate the targets when it runs (a graph has no
 * errors to raise): feed targets made by {@link YoloTargetEncoder}, which validates them.
 *
 * <pre>{@code
 * SameDiff sd = SameDiff.create();
 * SDVariable out = ...;                             // [N, S, S, B·5 + C], from the network
 * SDVariable target = sd.placeHolder("target", DataType.FLOAT, -1, S, S, 5 + C);
 * YoloLossGraph.Terms terms = new YoloLossGraph(YoloLoss.of(grid)).define(sd, out, target);
 * sd.setLossVariables(terms.total());
 * }</pre>
 */
public final class YoloLossGraph {

    private final YoloLoss loss;

    /**
     * The graph form of a configured loss.
     *
     * @param loss the loss whose configuration (grid, λ's, size mode, floor, confidence target,
     *     reduction) the graph follows
     * @throws IllegalArgumentException if {@code loss} is null
     */
    public YoloLossGraph(YoloLoss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        this.loss = loss;
    }

    /**
     * The loss's configuration.
     *
     * @return the loss this graph follows
     */
    public YoloLoss loss() {
        return loss;
    }

    /**
     * The variables of the five terms and their sum, each a scalar.
     *
     * @param xy the centre term
     * @param wh the size term
     * @param confObj the confidence of responsible predictors
     * @param confNoobj the confidence of the other predictors
     * @param cls the class term
     * @param total the loss, the sum of the five
     */
    public record Terms(SDVariable xy, SDVariable wh, SDVariable confObj, SDVariable confNoobj,
            SDVariable cls, SDVariable total) {}

    /**
     * Adds the loss to a graph.
     *
     * @param sd the graph
     * @param predictions the predictions, shape {@code [N, S, S, B·5 + C]}, FLOAT or DOUBLE
     * @param targets the targets, shape {@code [N, S, S, 5 + C]}, of the same data type
     * @return the terms' variables, named {@code yolo_xy}, {@code yolo_wh},
     *     {@code yolo_conf_obj}, {@code yolo_conf_noobj}, {@code yolo_cls} and
     *     {@code yolo_total} (with a numeric suffix when the names are taken)
     * @throws IllegalArgumentException if an argument is null; if a shape known when the graph
     *     is built does not fit the grid (a grid size other than {@code S}, a depth other than
     *     {@code B·5 + C} or {@code 5 + C}, a rank other than 4), or predictions and targets
     *     hold different numbers of images (the message names the expected and the actual
     *     shape, with S, B and C); or if the data types are not both FLOAT or both DOUBLE.
     *     A shape computed by ops (a network's output) is known only when the graph runs and
     *     is not checked here: a wrong grid then fails in the run, as an ND4J op error
     */
    public Terms define(SameDiff sd, SDVariable predictions, SDVariable targets) {
        if (sd == null || predictions == null || targets == null) {
            throw new IllegalArgumentException("sd, predictions and targets must not be null");
        }
        YoloGrid grid = loss.grid();
        int s = grid.gridSize();
        int b = grid.boxesPerCell();
        int c = grid.classes();
        check(grid, predictions, targets);
        DataType type = predictions.dataType();
        boolean wh = loss.sizeMode() == YoloLoss.SizeMode.WIDTH_HEIGHT;

        SDVariable boxes = predictions.get(SDIndex.all(), SDIndex.all(), SDIndex.all(),
                SDIndex.interval(0, b * YoloGrid.BOX_ENTRIES));
        SDVariable[] p = sd.unstack(sd.reshape(boxes, -1, s, s, b, YoloGrid.BOX_ENTRIES), 4,
                YoloGrid.BOX_ENTRIES); // x, y, w, h, conf: [N, S, S, B]
        SDVariable pCls = predictions.get(SDIndex.all(), SDIndex.all(), SDIndex.all(),
                SDIndex.interval(b * YoloGrid.BOX_ENTRIES, grid.predictionDepth()));
        SDVariable tBox = targets.get(SDIndex.all(), SDIndex.all(), SDIndex.all(),
                SDIndex.interval(0, YoloGrid.BOX_ENTRIES));
        SDVariable[] t = sd.unstack(sd.reshape(tBox, -1, s, s, 1, YoloGrid.BOX_ENTRIES), 4,
                YoloGrid.BOX_ENTRIES); // x, y, w, h, obj: [N, S, S, 1]
        SDVariable tCls = targets.get(SDIndex.all(), SDIndex.all(), SDIndex.all(),
                SDIndex.interval(YoloGrid.BOX_ENTRIES, grid.targetDepth()));
        SDVariable obj = t[4];

        // The responsible predictor and its IoU, from the predictions held constant.
        SDVariable[] q = new SDVariable[YoloGrid.BOX_ENTRIES];
        for (int k = 0; k < q.length; k++) {
            q[k] = new StopGradient(sd, p[k]).outputVariable();
        }
        double[][] cols = new double[s][s];
        double[][] rows = new double[s][s];
        for (int r = 0; r < s; r++) {
            for (int col = 0; col < s; col++) {
                cols[r][col] = col;
                rows[r][col] = r;
            }
        }
        SDVariable colGrid = sd.constant(Nd4j.create(cols).castTo(type).reshape(1, s, s, 1));
        SDVariable rowGrid = sd.constant(Nd4j.create(rows).castTo(type).reshape(1, s, s, 1));
        SDVariable cx = q[0].add(colGrid).div(s);
        SDVariable cy = q[1].add(rowGrid).div(s);
        SDVariable w = wh ? sd.math.max(q[2], sd.zerosLike(q[2])) : q[2].mul(q[2]);
        SDVariable h = wh ? sd.math.max(q[3], sd.zerosLike(q[3])) : q[3].mul(q[3]);
        SDVariable tcx = t[0].add(colGrid).div(s);
        SDVariable tcy = t[1].add(rowGrid).div(s);
        SDVariable iw = sd.math.min(cx.add(w.div(2)), tcx.add(t[2].div(2)))
                .sub(sd.math.max(cx.sub(w.div(2)), tcx.sub(t[2].div(2))));
        SDVariable ih = sd.math.min(cy.add(h.div(2)), tcy.add(t[3].div(2)))
                .sub(sd.math.max(cy.sub(h.div(2)), tcy.sub(t[3].div(2))));
        SDVariable inter = sd.nn.relu(iw, 0).mul(sd.nn.relu(ih, 0));
        SDVariable union = w.mul(h).add(t[2].mul(t[3])).sub(inter);
        SDVariable positive = sd.gt(union, 0.0).castTo(type);
        // iou = inter / union where union > 0, else 0 (never 0/0).
        SDVariable iou = inter.mul(positive).div(union.add(positive.rsub(1.0)));
        SDVariable best = sd.argmax(iou, 3);
        SDVariable dx = cx.sub(tcx);
        SDVariable dy = cy.sub(tcy);
        SDVariable dw = w.sub(t[2]);
        SDVariable dh = h.sub(t[3]);
        SDVariable distance = dx.mul(dx).add(dy.mul(dy)).add(dw.mul(dw)).add(dh.mul(dh));
        SDVariable nearest = sd.argmin(distance, 3);
        SDVariable overlaps = sd.gt(sd.max(iou, true, 3), 0.0).castTo(type); // [N, S, S, 1]
        SDVariable byIou = sd.oneHot(best, b, -1, 1.0, 0.0, type);
        SDVariable byDistance = sd.oneHot(nearest, b, -1, 1.0, 0.0, type);
        SDVariable resp = byIou.mul(overlaps).add(byDistance.mul(overlaps.rsub(1.0))).mul(obj);
        SDVariable confTarget = loss.confidenceTarget() == YoloLoss.ConfidenceTarget.ONE
                ? sd.onesLike(obj) : sd.sum(resp.mul(iou), true, 3);

        double scaleLambdaCoord = loss.lambdaCoord();
        SDVariable xyTerm = sd.constant(Nd4j.scalar(type, 0.0));
        SDVariable whTerm = sd.constant(Nd4j.scalar(type, 0.0));
        if (scaleLambdaCoord > 0) {
            SDVariable ex = p[0].sub(t[0]);
            SDVariable ey = p[1].sub(t[1]);
            xyTerm = reduce(sd, resp.mul(ex.mul(ex).add(ey.mul(ey)))).mul(scaleLambdaCoord);
            SDVariable ew = wh ? root(sd, p[2]).sub(root(sd, t[2])) : p[2].sub(sd.math.sqrt(t[2]));
            SDVariable eh = wh ? root(sd, p[3]).sub(root(sd, t[3])) : p[3].sub(sd.math.sqrt(t[3]));
            whTerm = reduce(sd, resp.mul(ew.mul(ew).add(eh.mul(eh)))).mul(scaleLambdaCoord);
        }
        SDVariable ec = p[4].sub(confTarget);
        SDVariable confObjTerm = reduce(sd, resp.mul(ec.mul(ec)));
        SDVariable confNoobjTerm = sd.constant(Nd4j.scalar(type, 0.0));
        if (loss.lambdaNoobj() > 0) {
            confNoobjTerm = reduce(sd, resp.rsub(1.0).mul(p[4].mul(p[4])))
                    .mul(loss.lambdaNoobj());
        }
        SDVariable ek = pCls.sub(tCls);
        SDVariable clsTerm = reduce(sd, ek.mul(ek).mul(obj));
        SDVariable total = xyTerm.add(whTerm).add(confObjTerm).add(confNoobjTerm).add(clsTerm);
        return new Terms(xyTerm.rename(name(sd, "yolo_xy")), whTerm.rename(name(sd, "yolo_wh")),
                confObjTerm.rename(name(sd, "yolo_conf_obj")),
                confNoobjTerm.rename(name(sd, "yolo_conf_noobj")),
                clsTerm.rename(name(sd, "yolo_cls")), total.rename(name(sd, "yolo_total")));
    }

    /** Sums each image's grid, then the mean or the sum over images: a scalar. */
    private SDVariable reduce(SameDiff sd, SDVariable perCell) {
        int rank = perCell.getShape() == null ? 4 : perCell.getShape().length;
        int[] axes = new int[rank - 1];
        for (int k = 0; k < axes.length; k++) {
            axes[k] = k + 1;
        }
        SDVariable perImage = sd.sum(perCell, axes);
        return loss.reduction() == Reduction.MEAN ? sd.mean(perImage) : sd.sum(perImage);
    }

    /** ρ(v): √v for v ≥ ε, the tangent at ε below, with the same slope as {@link YoloLoss}. */
    private SDVariable root(SameDiff sd, SDVariable v) {
        double eps = loss.sizeFloor();
        double sqrtEps = Math.sqrt(eps);
        SDVariable above = new StopGradient(sd, sd.gte(v, eps).castTo(v.dataType()))
                .outputVariable();
        SDVariable clamped = sd.math.max(v, sd.constant(Nd4j.scalar(v.dataType(), eps)));
        SDVariable tangent = v.sub(eps).div(2 * sqrtEps).add(sqrtEps);
        return sd.math.sqrt(clamped).mul(above).add(tangent.mul(above.rsub(1.0)));
    }

    private static String name(SameDiff sd, String base) {
        String n = base;
        for (int k = 1; sd.hasVariable(n); k++) {
            n = base + "_" + k;
        }
        return n;
    }

    /**
     * Refuses, before any op is added, what the variables' static shapes and types already show
     * to be wrong: a rank other than 4, a grid size or depth ({@code B·5 + C}, {@code 5 + C})
     * other than the grid's, a number of images that differs between predictions and targets,
     * a data type other than FLOAT or DOUBLE, or two different data types. An unknown dimension
     * ({@code -1}, such as a placeholder's batch) or an unknown shape (the output of an op,
     * known only when the graph runs) passes.
     */
    private static void check(YoloGrid grid, SDVariable predictions, SDVariable targets) {
        DataType pt = predictions.dataType();
        DataType tt = targets.dataType();
        if (pt != DataType.FLOAT && pt != DataType.DOUBLE) {
            throw new IllegalArgumentException("predictions must be FLOAT or DOUBLE, got " + pt);
        }
        if (tt != pt) {
            throw new IllegalArgumentException("targets must have the data type of the "
                    + "predictions, " + pt + ", got " + tt);
        }
        long[] ps = predictions.getShape();
        long[] ts = targets.getShape();
        checkShape("predictions", ps, grid.predictionDepth(), grid.gridSize(),
                grid.predictionShapeText());
        checkShape("targets", ts, grid.targetDepth(), grid.gridSize(), grid.targetShapeText());
        if (ps != null && ts != null && ps[0] >= 0 && ts[0] >= 0 && ps[0] != ts[0]) {
            throw new IllegalArgumentException("predictions and targets must hold the same "
                    + "number of images N, got " + ps[0] + " and " + ts[0] + " (shapes "
                    + Arrays.toString(ps) + " and " + Arrays.toString(ts) + ")");
        }
    }

    private static void checkShape(String what, long[] shape, int depth, int s, String text) {
        if (shape == null) {
            return; // not known until run time
        }
        boolean ok = shape.length == 4 && known(shape[1], s) && known(shape[2], s)
                && known(shape[3], depth);
        if (!ok) {
            throw new IllegalArgumentException(what + " must have shape " + text + ", got "
                    + Arrays.toString(shape));
        }
    }

    /** A dimension that is unknown ({@code -1}) or the expected one. */
    private static boolean known(long dimension, long expected) {
        return dimension < 0 || dimension == expected;
    }
}
