/**
 * Losses over data and the models that turn a loss and a data set into an objective.
 *
 * <ul>
 *   <li>{@link dev.optim.losses.L2Loss}: the squared error {@code mean((ŷ − y)²)} (PyTorch's
 *       {@code MSELoss}), with a sum reduction and optional per-example weights;
 *   <li>{@link dev.optim.losses.LinearModel}: {@code ŷ = X·w + b}, its parameters as one flat
 *       vector {@code θ = (w₁, …, w_d, b)}, and the chain rule from {@code ∂L/∂ŷ} to
 *       {@code ∂L/∂θ};
 *   <li>{@link dev.optim.losses.ModelObjective}: a loss, a linear model and a data set as a
 *       {@link dev.optim.core.StochasticObjective} over all examples or a mini-batch of them;
 *   <li>{@link dev.optim.losses.Standardizer}: feature standardisation, and the conversion of
 *       fitted parameters back to the original units;
 *   <li>{@link dev.optim.losses.HousePrices}: the article's house-price data (floor area,
 *       bedrooms, ceiling height), generated from a seed with a known linear truth.
 * </ul>
 *
 * <p>The YOLO-style detection loss is in {@link dev.optim.losses.yolo}.
 *
 * <pre>{@code
 * HousePrices data = HousePrices.generate(300, 42);
 * Standardizer scaler = Standardizer.fit(data.features());
 * ModelObjective objective = ModelObjective.l2(scaler.transform(data.features()), data.prices());
 * INDArray theta = Nd4j.zeros(DataType.DOUBLE, objective.dimension());
 * INDArray grad = theta.like();
 * Sgd gd = Sgd.of(0.1);
 * OptimizerState state = gd.init(theta);
 * for (int k = 0; k < 1000; k++) {
 *     objective.evaluate(theta, grad);
 *     gd.step(theta, grad, state);
 * }
 * INDArray inOriginalUnits = scaler.toOriginalParams(theta);
 * }</pre>
 */
package dev.optim.losses;
