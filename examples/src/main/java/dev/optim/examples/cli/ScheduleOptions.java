package dev.optim.examples.cli;

import dev.optim.core.Schedule;
import dev.optim.core.schedule.Schedules;
import picocli.CommandLine.Option;

/**
 * The learning-rate schedule options shared by {@code run}, {@code regress} and {@code race}:
 * {@code --schedule constant|inverse-time|step|exponential|cosine} and its parameters. With
 * {@code lr} the base rate and {@code k} the step (0 for the first update):
 *
 * <ul>
 *   <li>{@code constant}: {@code lr};
 *   <li>{@code inverse-time}: {@code lr / (1 + D·k)} with {@code --decay D}, the article's
 *       learning-rate decay;
 *   <li>{@code step}: {@code lr · G^⌊k/S⌋} with {@code --step-size S} and {@code --gamma G}
 *       (default 0.1, as PyTorch's {@code StepLR});
 *   <li>{@code exponential}: {@code lr · G^k} with {@code --gamma G};
 *   <li>{@code cosine}: {@code lr · (1 + cos(π·min(k, T)/T)) / 2} with {@code --total-steps T}
 *       (default: the run's step budget), as PyTorch's {@code CosineAnnealingLR} with
 *       {@code eta_min = 0} and Optax's {@code cosine_decay_schedule}.
 * </ul>
 *
 * <p>The schedules are the library's ({@link Schedules}). A parameter given for a schedule that
 * does not use it is refused.
 */
public final class ScheduleOptions {

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "KIND",
            converter = ScheduleKind.Converter.class,
            description = "Learning-rate schedule: constant|inverse-time|step|exponential|cosine"
                    + " (default: ${DEFAULT-VALUE}).")
    ScheduleKind kind = ScheduleKind.CONSTANT;

    @Option(names = "--decay", paramLabel = "D",
            description = "inverse-time: the rate at step k is lr/(1+D·k).")
    Double decay;

    @Option(names = "--step-size", paramLabel = "S",
            description = "step: the rate is multiplied by G every S steps.")
    Long stepSize;

    @Option(names = "--gamma", paramLabel = "G",
            description = "step (default 0.1) and exponential: the factor of the decay.")
    Double gamma;

    @Option(names = "--total-steps", paramLabel = "T",
            description = "cosine: the step at which the rate reaches 0 (default: the step budget).")
    Long totalSteps;

    /**
     * The schedule these options describe, starting from {@code lr}.
     *
     * @param lr the base rate, finite and {@code ≥ 0}
     * @param steps the run's step budget, the default {@code T} of the cosine schedule
     * @return the schedule
     * @throws BadInputException if a parameter is missing, out of range, or given for another
     *     schedule
     */
    public Schedule build(double lr, long steps) {
        Schedule s = make(lr, steps);
        // Growing schedules (--gamma > 1) are monotone: if the rate at the last step the run
        // evaluates is finite, so is every earlier one.
        if (!Double.isFinite(s.valueAt(steps))) {
            long lo = 0;
            long hi = steps;
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                if (Double.isFinite(s.valueAt(mid))) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            throw new BadInputException("--schedule " + kind.label() + " " + parameters()
                    + " with lr " + lr + " overflows at step " + lo + " (the rate becomes "
                    + s.valueAt(lo) + "), within the " + steps + " steps; use a smaller"
                    + " --gamma or fewer steps");
        }
        return s;
    }

    private String parameters() {
        return switch (kind) {
            case STEP -> "--step-size " + stepSize + " --gamma " + (gamma == null ? 0.1 : gamma);
            case EXPONENTIAL -> "--gamma " + gamma;
            case INVERSE_TIME -> "--decay " + decay;
            case COSINE -> totalSteps == null ? "" : "--total-steps " + totalSteps;
            case CONSTANT -> "";
        };
    }

    private Schedule make(double lr, long steps) {
        refuse("--decay", decay, ScheduleKind.INVERSE_TIME);
        refuse("--step-size", stepSize, ScheduleKind.STEP);
        refuse("--gamma", gamma, ScheduleKind.STEP, ScheduleKind.EXPONENTIAL);
        refuse("--total-steps", totalSteps, ScheduleKind.COSINE);
        switch (kind) {
            case CONSTANT:
                return Schedule.constant(lr);
            case INVERSE_TIME: {
                double d = need("--decay", decay);
                if (!(d >= 0) || !Double.isFinite(d)) {
                    throw new BadInputException("--decay must be finite and >= 0, got " + d);
                }
                return Schedules.inverseTimeDecay(lr, d);
            }
            case STEP: {
                long s = need("--step-size", stepSize);
                if (s < 1) {
                    throw new BadInputException("--step-size must be >= 1, got " + s);
                }
                double g = factor(gamma == null ? 0.1 : gamma);
                return Schedules.stepDecay(lr, s, g);
            }
            case EXPONENTIAL: {
                double g = factor(need("--gamma", gamma));
                return Schedules.exponentialDecay(lr, g);
            }
            case COSINE: {
                long t = totalSteps == null ? Math.max(1, steps) : totalSteps;
                if (t < 1) {
                    throw new BadInputException("--total-steps must be >= 1, got " + t);
                }
                return Schedules.cosine(lr, 0, t);
            }
            default:
                throw new IllegalStateException("unknown schedule " + kind);
        }
    }

    /**
     * A short description, for titles and tables: {@code constant}, {@code inverse-time D=0.01}.
     *
     * @return the description
     */
    public String describe() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case INVERSE_TIME -> "inverse-time D=" + decay;
            case STEP -> "step S=" + stepSize + " G=" + (gamma == null ? 0.1 : gamma);
            case EXPONENTIAL -> "exponential G=" + gamma;
            case COSINE -> "cosine" + (totalSteps == null ? "" : " T=" + totalSteps);
        };
    }

    private static double factor(double g) {
        if (!(g > 0) || !Double.isFinite(g)) {
            throw new BadInputException("--gamma must be finite and > 0, got " + g);
        }
        return g;
    }

    private <T> T need(String option, T value) {
        if (value == null) {
            throw new BadInputException("--schedule " + kind.label() + " needs " + option);
        }
        return value;
    }

    private void refuse(String option, Object value, ScheduleKind... users) {
        if (value == null) {
            return;
        }
        for (ScheduleKind k : users) {
            if (k == kind) {
                return;
            }
        }
        StringBuilder names = new StringBuilder();
        for (ScheduleKind k : users) {
            names.append(names.length() == 0 ? "" : " or ").append(k.label());
        }
        throw new BadInputException(option + " " + value + " applies to --schedule " + names
                + ", not " + kind.label());
    }
}
