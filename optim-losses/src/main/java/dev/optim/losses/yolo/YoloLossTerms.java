package dev.optim.losses.yolo;

/**
 * The five terms of the YOLO loss, each already weighted by its λ and reduced over the batch
 * like the total (divided by {@code N} for {@link dev.optim.core.Reduction#MEAN}), so that they
 * add up to {@link #total()}. For logging and plots.
 *
 * <pre>{@code
 * YoloLossTerms t = loss.terms(predictions, targets);
 * log.info("coord {} obj {} noobj {} class {} total {}",
 *         t.coord(), t.confObj(), t.confNoobj(), t.cls(), t.total());
 * }</pre>
 *
 * @param xy {@code λcoord Σ 1^obj_ij [(x_i − x̂_ij)² + (y_i − ŷ_ij)²]}, the centre error
 * @param wh {@code λcoord Σ 1^obj_ij [(√w_i − √ŵ_ij)² + (√h_i − √ĥ_ij)²]}, the size error
 * @param confObj {@code Σ 1^obj_ij (Ĉ_ij − C_i)²}, the responsible predictors' confidence error
 * @param confNoobj {@code λnoobj Σ 1^noobj_ij Ĉ_ij²}, every other predictor's confidence
 * @param cls {@code Σ 1^obj_i Σ_k (p̂_i(k) − p_i(k))²}, the class error of cells with an object
 */
public record YoloLossTerms(double xy, double wh, double confObj, double confNoobj, double cls) {

    /**
     * The coordinate error, {@code xy + wh}.
     *
     * @return the coordinate terms together
     */
    public double coord() {
        return xy + wh;
    }

    /**
     * The loss, {@code xy + wh + confObj + confNoobj + cls}.
     *
     * @return the total
     */
    public double total() {
        return xy + wh + confObj + confNoobj + cls;
    }
}
