package dev.optim.core.schedule;

import dev.optim.core.Checks;
import dev.optim.core.Schedule;

/**
 * Inverse-time decay, the article's "learning rate decay":
 *
 * <pre>
 * η_k = η0 / (1 + d·k)
 * </pre>
 *
 * <p>with {@code k = 0} for the first update. With {@code d = 0} it is the constant {@code η0};
 * at {@code k = 1/d} the rate has halved. As PyTorch's {@code LambdaLR} with
 * {@code lambda k: 1 / (1 + d * k)}, and Optax's {@code inverse_time_decay}-style decay without
 * a staircase.
 *
 * <p>Warning: the article's own code counts {@code t} from 1 ({@code η0 / (1 + d·t)} for the
 * first update). That variant is this schedule with {@code η0' = η0 / (1 + d)} and
 * {@code d' = d / (1 + d)}, since {@code η0 / (1 + d·(k + 1)) = η0' / (1 + d'·k)}.
 *
 * <pre>{@code
 * Schedule lr = new InverseTimeDecay(0.1, 0.01); // 0.1, 0.0990..., ..., 0.05 at k = 100
 * }</pre>
 *
 * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
 * @param decay the decay {@code d}; finite, {@code ≥ 0}
 */
public record InverseTimeDecay(double initial, double decay) implements Schedule {

    /**
     * Creates the schedule.
     *
     * @param initial the initial value {@code η0}; finite, {@code ≥ 0}
     * @param decay the decay {@code d}; finite, {@code ≥ 0}
     * @throws IllegalArgumentException if {@code initial} or {@code decay} is negative or not
     *     finite
     */
    public InverseTimeDecay {
        Checks.nonNegative("initial", initial);
        Checks.nonNegative("decay", decay);
    }

    /**
     * The value {@code η0 / (1 + d·k)}.
     *
     * @param step the step {@code k}, at least 0
     * @return the value at that step
     * @throws IllegalArgumentException if {@code step} is negative
     */
    @Override
    public double valueAt(long step) {
        Checks.step(step);
        return initial / (1 + decay * step);
    }
}
