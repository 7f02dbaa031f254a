package dev.optim.core.descent;

/**
 * Hears a descent's progress: once per update, and once at the end. Called on the thread that
 * runs the descent; keep it cheap, it sits on the hot path.
 */
public interface DescentListener {

    /**
     * After each update.
     *
     * @param step the number of updates done
     * @param loss the loss after them
     * @param learningRate the rate the next update will use
     * @param gradientNorm the Euclidean norm of the gradient at the new parameters
     */
    void onStep(long step, double loss, double learningRate, double gradientNorm);

    /**
     * When the run ends, with its result.
     *
     * @param result the result
     */
    default void onFinish(DescentResult result) {}
}
