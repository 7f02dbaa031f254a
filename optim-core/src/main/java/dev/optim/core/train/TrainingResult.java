package dev.optim.core.train;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a training run did. Immutable, except the parameter array, which is the caller's own
 * (updated in place by the run).
 *
 * @param parameters the caller's parameter array, holding the result: the final parameters, the
 *     best-validation ones when the trainer restores them, or the last finite ones after a
 *     divergence
 * @param stop why the run stopped
 * @param steps the number of updates done
 * @param epochs the number of completed epochs
 * @param last the last evaluation
 * @param best the evaluation with the lowest monitored loss (validation, else full training,
 *     else running loss)
 * @param history the evaluations, thinned evenly to at most the trainer's history limit
 * @param divergence where a non-finite loss was met, if it was
 */
public record TrainingResult(INDArray parameters, TrainingStop stop, long steps, long epochs,
        Evaluation last, Evaluation best, List<Evaluation> history,
        Optional<Divergence> divergence) {

    /**
     * Copies the history.
     *
     * @param parameters the parameters
     * @param stop why the run stopped
     * @param steps the updates done
     * @param epochs the epochs completed
     * @param last the last evaluation
     * @param best the best evaluation
     * @param history the evaluations; copied
     * @param divergence the divergence, if any
     */
    public TrainingResult {
        history = List.copyOf(history);
    }
}
