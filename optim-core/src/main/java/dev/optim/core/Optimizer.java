package dev.optim.core;

import java.io.IOException;
import java.io.InputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A first-order optimizer: an immutable configuration (hyperparameters, the learning rate as a
 * {@link Schedule}) that is safe to share between threads. The mutable part of a run, the moment
 * buffers and the step counter, lives in an {@link OptimizerState} made by {@link #init}.
 *
 * <pre>{@code
 * Optimizer adam = Adam.builder().learningRate(1e-3).build();
 * OptimizerState state = adam.init(params);
 * for (int k = 0; k < 100; k++) {
 *     objective.evaluate(params, grad);
 *     adam.step(params, grad, state);   // θ updated in place
 * }
 * }</pre>
 *
 * <p>Implementations are in {@link dev.optim.core.optimizer}.
 */
public interface Optimizer {

    /**
     * The kind of state this optimizer keeps, used to refuse state saved by another optimizer.
     * One scheme: the optimizer's lower-case name, then its variant where the variant changes
     * the state: {@code "sgd"}, {@code "momentum-ema"}, {@code "momentum-heavy-ball"},
     * {@code "momentum-nesterov"}, {@code "rmsprop"}, {@code "rmsprop-centered"},
     * {@code "rmsprop-momentum"}, {@code "rmsprop-centered-momentum"}, {@code "adam"},
     * {@code "adam-amsgrad"}, {@code "adagrad"}, {@code "adadelta"}, {@code "adamax"},
     * {@code "nadam"}, {@code "radam"}, {@code "lion"}.
     *
     * @return the state kind
     */
    String kind();

    /**
     * The learning-rate schedule; update {@code t} uses {@code learningRate().valueAt(t − 1)}.
     *
     * @return the schedule
     */
    Schedule learningRate();

    /**
     * How many values of state this optimizer keeps per parameter, each buffer the size and
     * data type of the parameters: SGD 0; Momentum 1; RMSprop 1, plus 1 when centred and 1 with
     * momentum; Adam 2 (AMSGrad 3); Adagrad 1; Adadelta 2; Adamax 2; NAdam 2; RAdam 2; Lion 1;
     * Schedule-Free AdamW 3 ({@code z}, {@code v}, {@code x}); SWATS 3 ({@code m}, {@code a},
     * {@code v}, float64 whatever the parameters' type); Lookahead its inner optimizer's plus 1
     * (the slow weights); a reduce-on-plateau wrapper its inner optimizer's. A saved state holds
     * exactly this many values per parameter.
     *
     * @return the number of state buffers, each the size of the parameters
     */
    int stateBuffersPerParameter();

    /**
     * Creates the state for a run on {@code params}: zeroed buffers of the same shape and data
     * type, and a step counter at 0.
     *
     * @param params the parameters the state will update; FLOAT or DOUBLE, not empty
     * @return a new state
     * @throws IllegalArgumentException if {@code params} is null, empty or not floating point
     */
    OptimizerState init(INDArray params);

    /**
     * Creates a state for a run on a plain {@code double[]} parameter vector.
     *
     * @param params the parameters; not empty
     * @return a new state
     * @throws IllegalArgumentException if {@code params} is null or empty
     */
    OptimizerState init(double[] params);

    /**
     * Performs one update in place: {@code θ ← update(θ, g, state)}, and advances the state's
     * step counter. Reads {@code gradient} without modifying it.
     *
     * @param params the parameters {@code θ}, updated in place
     * @param gradient the gradient {@code g}; same shape and data type as {@code params}, and not
     *     sharing memory with it (neither the same array nor an overlapping view of one buffer)
     * @param state the state made by {@link #init(INDArray)} for parameters of this shape
     * @throws IllegalArgumentException if the shapes or data types of parameters, gradient and
     *     state differ, if parameters and gradient share memory, if the state belongs to another kind of optimizer, or if the schedule
     *     gives a negative or non-finite learning rate
     */
    void step(INDArray params, INDArray gradient, OptimizerState state);

    /**
     * Performs one update in place on plain arrays.
     *
     * @param params the parameters {@code θ}, updated in place
     * @param gradient the gradient {@code g}, of the same length, not the array {@code params};
     *     not modified
     * @param state the state made by {@link #init(double[])}
     * @throws IllegalArgumentException as {@link #step(INDArray, INDArray, OptimizerState)}
     */
    void step(double[] params, double[] gradient, OptimizerState state);

    /**
     * Reads a state written by {@link OptimizerState#save} for parameters like {@code params}.
     * The whole input is read and checked (format, checksum, optimizer kind, shape, data type)
     * before anything is built: a refused input leaves nothing behind.
     *
     * @param in the saved state; read to its end, not closed
     * @param params the parameters the state will update
     * @return the restored state
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if the input is truncated or corrupted, or was saved by
     *     another kind of optimizer, or for another shape or data type
     */
    default OptimizerState restore(InputStream in, INDArray params) throws IOException {
        return OptimizerState.read(in, this, params);
    }
}
