package dev.optim.core.train;

/** Told of every evaluation of a training run, on the training thread. */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after each evaluation.
     *
     * @param evaluation the evaluation
     */
    void onEvaluation(Evaluation evaluation);
}
