package dev.optim.nn;

import dev.optim.core.BaseOptimizer;
import dev.optim.core.Clipping;
import dev.optim.core.Optimizer;
import dev.optim.core.Schedule;
import dev.optim.core.optimizer.Adam;
import dev.optim.core.optimizer.Momentum;
import dev.optim.core.optimizer.RmsProp;
import dev.optim.core.optimizer.Sgd;
import dev.optim.core.schedule.ConstantSchedule;
import dev.optim.core.schedule.CosineAnnealing;
import dev.optim.core.schedule.ExponentialDecay;
import dev.optim.core.schedule.InverseTimeDecay;
import dev.optim.core.schedule.PolynomialSchedule;
import dev.optim.core.schedule.StepDecay;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonAutoDetect;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * An ND4J {@link IUpdater} that runs one of Optim's optimizers, so that SameDiff's {@code
 * TrainingConfig.updater(...)} and DL4J's {@code .updater(...)} (layers, {@code
 * MultiLayerNetwork}, {@code ComputationGraph}) train with Optim's update rules and schedules:
 *
 * <pre>{@code
 * IUpdater u = OptimUpdater.of(Adam.builder().learningRate(Schedules.stepDecay(1e-3, 1000, 0.5)).build());
 * new NeuralNetConfiguration.Builder().updater(u) ...
 * }</pre>
 *
 * <p><b>Contract with the framework.</b> At iteration {@code k} (0 for the first) the framework
 * hands over a gradient view {@code g} and expects the update {@code u} written into it; it then
 * subtracts it, {@code θ ← θ − u}. The updater runs Optim's own {@code step} on a zeroed scratch
 * array {@code P} ({@code P ← 0 + Δ}, the same {@code Δ} Optim adds to {@code θ}) and writes
 * {@code u = −Δ}, so {@code θ − u = θ + Δ}: the framework's trajectory is Optim's, bit for bit
 * whenever Optim's kernel forms {@code θ + Δ} (SGD, the three momenta, RMSprop and Adam do). The
 * step counter is the framework's iteration, so every schedule is at the same position.
 *
 * <p><b>State.</b> The optimizer's buffers ({@link Optimizer#stateBuffersPerParameter()} per
 * parameter: Momentum's velocity, RMSprop's mean square, Adam's two moments) live in the view
 * array the framework allocates from {@link #stateSize(long)}, buffer {@code i} at {@code
 * [i·n, (i+1)·n)}; DL4J's own save and restore ({@code ModelSerializer} with the updater) carries
 * it, and with the iteration count a restored model resumes bit for bit. Per update the updater
 * costs Optim's fused pass plus one negation into {@code g} and one zeroing of {@code P} (the
 * scratch array, allocated once per parameter block).
 *
 * <p><b>Limits.</b> A framework's updater sees the gradient, never the parameters, and one block
 * of parameters at a time: weight decay and clipping must come from the framework (DL4J's {@code
 * weightDecay}/{@code l2} and {@code gradientNormalization}); an optimizer configured with
 * either is refused. The learning rate is a function of the iteration; the supported schedules
 * (those a configuration file can describe) are constant, step, exponential, inverse-time,
 * cosine and polynomial decay.
 *
 * <p>Serialized by Jackson (as DL4J's configurations are) through its fields: the optimizer's
 * kind, hyperparameters and schedule.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OptimUpdater implements IUpdater {

    private static final long serialVersionUID = 1L;

    @JsonProperty
    private String kind;
    @JsonProperty
    private double momentum;
    @JsonProperty
    private double beta1;
    @JsonProperty
    private double beta2;
    @JsonProperty
    private double rho;
    @JsonProperty
    private double epsilon;
    @JsonProperty
    private String schedule;
    @JsonProperty
    private double[] scheduleArgs;

    @JsonIgnore
    private transient Optimizer optimizer;

    /** For Jackson. */
    private OptimUpdater() {
    }

    private OptimUpdater(String kind, double momentum, double beta1, double beta2, double rho,
            double epsilon, String schedule, double[] scheduleArgs) {
        this.kind = kind;
        this.momentum = momentum;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.rho = rho;
        this.epsilon = epsilon;
        this.schedule = schedule;
        this.scheduleArgs = scheduleArgs;
        optimizer();
    }

    /**
     * An updater running {@code optimizer}.
     *
     * @param optimizer an Optim SGD, Momentum (any form), RMSprop or Adam, without weight decay
     *     or clipping, with a supported schedule
     * @return the updater
     * @throws IllegalArgumentException if the optimizer is null, of another kind, has weight
     *     decay or clipping, or a schedule a configuration cannot describe
     */
    public static OptimUpdater of(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        if (optimizer instanceof BaseOptimizer b) {
            if (b.weightDecay() != 0) {
                throw new IllegalArgumentException("weight decay needs the parameters, which a"
                        + " framework updater never sees: use DL4J's weightDecay or l2, got "
                        + "weightDecay " + b.weightDecay());
            }
            if (b.clipping().mode() != Clipping.Mode.NONE) {
                throw new IllegalArgumentException("clipping spans what the framework hands over"
                        + " one block at a time: use DL4J's gradientNormalization, got clipping "
                        + b.clipping());
            }
        }
        String[] sched = new String[1];
        double[] args = scheduleArgs(optimizer.learningRate(), sched);
        if (optimizer instanceof Sgd) {
            return new OptimUpdater("sgd", 0, 0, 0, 0, 0, sched[0], args);
        } else if (optimizer instanceof Momentum m) {
            return new OptimUpdater(m.kind(), m.momentum(), 0, 0, 0, 0, sched[0], args);
        } else if (optimizer instanceof RmsProp r) {
            return new OptimUpdater("rmsprop", 0, 0, 0, r.rho(), r.epsilon(), sched[0], args);
        } else if (optimizer instanceof Adam a) {
            return new OptimUpdater("adam", 0, a.beta1(), a.beta2(), 0, a.epsilon(), sched[0], args);
        }
        throw new IllegalArgumentException("optimizer must be Optim's Sgd, Momentum, RmsProp or"
                + " Adam, got " + optimizer.getClass().getName());
    }

    private static double[] scheduleArgs(Schedule s, String[] name) {
        if (s instanceof ConstantSchedule c) {
            name[0] = "constant";
            return new double[] {c.value()};
        } else if (s instanceof StepDecay d) {
            name[0] = "step";
            return new double[] {d.initial(), d.stepSize(), d.gamma()};
        } else if (s instanceof ExponentialDecay d) {
            name[0] = "exponential";
            return new double[] {d.initial(), d.gamma()};
        } else if (s instanceof InverseTimeDecay d) {
            name[0] = "inverse-time";
            return new double[] {d.initial(), d.decay()};
        } else if (s instanceof CosineAnnealing d) {
            name[0] = "cosine";
            return new double[] {d.initial(), d.end(), d.steps()};
        } else if (s instanceof PolynomialSchedule d) {
            name[0] = "polynomial";
            return new double[] {d.initial(), d.end(), d.steps(), d.power()};
        }
        throw new IllegalArgumentException("the learning-rate schedule " + s + " cannot be"
                + " described in a framework configuration; supported: constant, step,"
                + " exponential, inverse-time, cosine, polynomial");
    }

    private static Schedule schedule(String name, double[] a) {
        return switch (name) {
            case "constant" -> new ConstantSchedule(a[0]);
            case "step" -> new StepDecay(a[0], (long) a[1], a[2]);
            case "exponential" -> new ExponentialDecay(a[0], a[1]);
            case "inverse-time" -> new InverseTimeDecay(a[0], a[1]);
            case "cosine" -> new CosineAnnealing(a[0], a[1], (long) a[2]);
            case "polynomial" -> new PolynomialSchedule(a[0], a[1], (long) a[2], a[3]);
            default -> throw new IllegalArgumentException("unknown schedule '" + name + "'");
        };
    }

    /**
     * The Optim optimizer this updater runs (rebuilt from the fields after deserialization).
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        Optimizer o = optimizer;
        if (o == null) {
            Schedule lr = schedule(schedule, scheduleArgs);
            o = switch (kind) {
                case "sgd" -> Sgd.builder().learningRate(lr).build();
                case "momentum-ema", "momentum-heavy-ball", "momentum-nesterov" ->
                        Momentum.builder().learningRate(lr).momentum(momentum)
                                .form(Momentum.Form.fromLabel(kind.substring("momentum-".length())))
                                .build();
                case "rmsprop" -> RmsProp.builder().learningRate(lr).rho(rho).epsilon(epsilon).build();
                case "adam" -> Adam.builder().learningRate(lr).beta1(beta1).beta2(beta2)
                        .epsilon(epsilon).build();
                default -> throw new IllegalArgumentException("unknown optimizer kind '" + kind + "'");
            };
            optimizer = o;
        }
        return o;
    }

    @Override
    public long stateSize(long numParams) {
        return optimizer().stateBuffersPerParameter() * numParams;
    }

    @Override
    public GradientUpdater<OptimUpdater> instantiate(INDArray viewArray, boolean initializeViewArray) {
        OptimGradientUpdater u = new OptimGradientUpdater(this);
        if (viewArray != null && viewArray.length() > 0) {
            long[] shape = viewArray.shape().clone();
            shape[shape.length - 1] /= Math.max(1, optimizer().stateBuffersPerParameter());
            u.setStateViewArray(viewArray, shape, viewArray.ordering(), initializeViewArray);
        }
        return u;
    }

    @Override
    public GradientUpdater<OptimUpdater> instantiate(Map<String, INDArray> updaterState,
            boolean initializeStateArrays) {
        OptimGradientUpdater u = new OptimGradientUpdater(this);
        u.setState(updaterState, initializeStateArrays);
        return u;
    }

    @Override
    public OptimUpdater clone() {
        return new OptimUpdater(kind, momentum, beta1, beta2, rho, epsilon, schedule,
                scheduleArgs.clone());
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return optimizer().learningRate().valueAt(iteration);
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /**
     * Sets a constant learning rate (DL4J calls this to override a layer's rate).
     *
     * @param lr the rate
     * @param lrSchedule must be null: ND4J schedules are not Optim's
     * @throws UnsupportedOperationException if {@code lrSchedule} is not null
     */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        if (lrSchedule != null) {
            throw new UnsupportedOperationException("an OptimUpdater takes Optim schedules: build"
                    + " it with OptimUpdater.of(optimizer with the schedule)");
        }
        this.schedule = "constant";
        this.scheduleArgs = new double[] {lr};
        this.optimizer = null;
        optimizer();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OptimUpdater u)) {
            return false;
        }
        return kind.equals(u.kind) && Double.compare(momentum, u.momentum) == 0
                && Double.compare(beta1, u.beta1) == 0 && Double.compare(beta2, u.beta2) == 0
                && Double.compare(rho, u.rho) == 0 && Double.compare(epsilon, u.epsilon) == 0
                && schedule.equals(u.schedule) && Arrays.equals(scheduleArgs, u.scheduleArgs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, momentum, beta1, beta2, rho, epsilon, schedule,
                Arrays.hashCode(scheduleArgs));
    }

    @Override
    public String toString() {
        return "OptimUpdater{" + optimizer() + "}";
    }
}
