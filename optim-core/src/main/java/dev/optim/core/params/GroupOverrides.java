package dev.optim.core.params;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Checks;
import dev.optim.core.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a {@link ParameterGroup} changes in the optimizer that steps a {@link ParameterSet}, as the
 * per-group options of PyTorch's {@code param_groups} and Optax's {@code partition}: its own
 * learning-rate {@link Schedule}, its own weight decay (coupled or decoupled), and any other
 * hyperparameter of the optimizer's builder (β1 of Adam, ρ of RMSprop, …). Immutable.
 *
 * <p>The overrides reach any optimizer the same way: {@link #applyTo(BaseOptimizer)} takes the
 * optimizer's own builder back ({@link BaseOptimizer#toBuilder()}), sets what is overridden, and
 * builds it; so the group's optimizer is validated like any other, and a new optimizer gets
 * groups without code of its own. Settings not overridden are the base optimizer's.
 *
 * <pre>{@code
 * GroupOverrides noDecay = GroupOverrides.builder().weightDecay(0).build();
 * GroupOverrides slowHead = GroupOverrides.builder()
 *         .learningRate(Schedules.cosine(1e-4, 0, 1000))
 *         .hyperparameters(Adam.Builder.class, b -> b.beta1(0.8))
 *         .build();
 * }</pre>
 *
 * <p>Clipping is not a group setting: clipping by global norm spans the whole set.
 */
public final class GroupOverrides {

    private static final GroupOverrides NONE = builder().build();

    private final Schedule learningRate;
    private final Double weightDecay;
    private final boolean decoupled;
    private final List<Tweak<?>> tweaks;

    private GroupOverrides(Builder b) {
        this.learningRate = b.learningRate;
        this.weightDecay = b.weightDecay;
        this.decoupled = b.decoupled;
        this.tweaks = List.copyOf(b.tweaks);
    }

    /**
     * No overrides: the group is stepped by the base optimizer itself.
     *
     * @return the empty overrides
     */
    public static GroupOverrides none() {
        return NONE;
    }

    /**
     * A builder with nothing overridden.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether nothing is overridden.
     *
     * @return true for {@link #none()}
     */
    public boolean isEmpty() {
        return learningRate == null && weightDecay == null && tweaks.isEmpty();
    }

    /**
     * The optimizer that steps this group: {@code base} with these overrides applied to a copy
     * of its builder, then built (and so validated).
     *
     * @param base the set's optimizer
     * @return {@code base} itself if nothing is overridden, else the derived optimizer
     * @throws IllegalArgumentException if {@code base} is null, if a hyperparameter override is
     *     for another optimizer's builder, or if an overridden value is out of its range
     */
    public BaseOptimizer applyTo(BaseOptimizer base) {
        if (base == null) {
            throw new IllegalArgumentException("base optimizer must not be null");
        }
        if (isEmpty()) {
            return base;
        }
        BaseOptimizer.Builder<?> b = base.toBuilder();
        if (learningRate != null) {
            b.learningRate(learningRate);
        }
        if (weightDecay != null) {
            if (decoupled) {
                b.decoupledWeightDecay(weightDecay);
            } else {
                b.weightDecay(weightDecay);
            }
        }
        for (Tweak<?> t : tweaks) {
            t.apply(b, base);
        }
        return b.build();
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (learningRate != null) {
            parts.add("lr=" + learningRate);
        }
        if (weightDecay != null) {
            parts.add("weightDecay=" + weightDecay + (decoupled ? " (decoupled)" : ""));
        }
        for (Tweak<?> t : tweaks) {
            parts.add(t.type.getSimpleName() + " hyperparameters");
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** A change to an optimizer's builder of a given type. */
    private record Tweak<B extends BaseOptimizer.Builder<?>>(Class<B> type, Consumer<B> change) {
        void apply(BaseOptimizer.Builder<?> builder, BaseOptimizer base) {
            if (!type.isInstance(builder)) {
                throw new IllegalArgumentException("a group overrides hyperparameters of "
                        + type.getName() + ", but the optimizer is " + base
                        + " (builder " + builder.getClass().getName() + ")");
            }
            change.accept(type.cast(builder));
        }
    }

    /** Builds {@link GroupOverrides}. */
    public static final class Builder {
        private Schedule learningRate;
        private Double weightDecay;
        private boolean decoupled;
        private final List<Tweak<?>> tweaks = new ArrayList<>();

        private Builder() {}

        /**
         * A constant learning rate for the group.
         *
         * @param lr the rate; finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lr} is negative or not finite
         */
        public Builder learningRate(double lr) {
            Checks.nonNegative("learningRate", lr);
            this.learningRate = Schedule.constant(lr);
            return this;
        }

        /**
         * A learning-rate schedule for the group, evaluated at the set's step counter: update
         * {@code t} uses {@code schedule.valueAt(t − 1)}.
         *
         * @param schedule the schedule
         * @return this builder
         * @throws IllegalArgumentException if {@code schedule} is null
         */
        public Builder learningRate(Schedule schedule) {
            if (schedule == null) {
                throw new IllegalArgumentException("learningRate schedule must not be null");
            }
            this.learningRate = schedule;
            return this;
        }

        /**
         * Coupled weight decay for the group, {@code g ← g + λ·θ}; {@code 0} turns decay off
         * (the usual setting for biases and norms).
         *
         * @param lambda {@code λ}; finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public Builder weightDecay(double lambda) {
            this.weightDecay = Checks.nonNegative("weightDecay", lambda);
            this.decoupled = false;
            return this;
        }

        /**
         * Decoupled weight decay for the group, {@code θ ← θ·(1 − η·λ)} (AdamW).
         *
         * @param lambda {@code λ}; finite and {@code ≥ 0}
         * @return this builder
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public Builder decoupledWeightDecay(double lambda) {
            this.weightDecay = Checks.nonNegative("weightDecay", lambda);
            this.decoupled = true;
            return this;
        }

        /**
         * Any other hyperparameter, set on the base optimizer's own builder: for instance
         * {@code hyperparameters(Adam.Builder.class, b -> b.beta1(0.8))}. Changes are applied in
         * the order given, after the learning rate and weight decay; the values are validated
         * when the group's optimizer is built ({@link ParameterSetOptimizer#init}).
         *
         * @param <B> the builder type
         * @param type the builder class the base optimizer must have
         * @param change the change to make to a copy of the base optimizer's builder
         * @return this builder
         * @throws IllegalArgumentException if {@code type} or {@code change} is null
         */
        public <B extends BaseOptimizer.Builder<?>> Builder hyperparameters(Class<B> type,
                Consumer<B> change) {
            if (type == null || change == null) {
                throw new IllegalArgumentException("type and change must not be null");
            }
            tweaks.add(new Tweak<>(type, change));
            return this;
        }

        /**
         * Builds the overrides.
         *
         * @return the overrides
         */
        public GroupOverrides build() {
            return new GroupOverrides(this);
        }
    }
}
