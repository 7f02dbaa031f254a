package dev.optim.core.schedule;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The mutable part of a {@link ReduceOnPlateau} run: the current rate, the best value seen, the
 * bad-step and cooldown counters. Fed with one value per epoch (or step) by
 * {@link #observe(double)}; not thread-safe. {@link #save}/{@link #load} carry it across
 * processes (the descent loop saves it with the optimizer's state).
 */
public final class PlateauController {

    private final ReduceOnPlateau config;
    private double learningRate;
    private double best;
    private int badSteps;
    private int cooldownCounter;
    private long observations;
    private int reductions;

    PlateauController(ReduceOnPlateau config, double initialLr) {
        this.config = config;
        this.learningRate = initialLr;
        this.best = config.mode() == ReduceOnPlateau.Mode.MIN
                ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * Observes the metric (PyTorch's {@code scheduler.step(metrics)}) and gives the rate to use
     * from now on.
     *
     * @param value the metric, as a loss or an accuracy; NaN counts as not better
     * @return the learning rate after this observation
     */
    public double observe(double value) {
        observations++;
        if (config.isBetter(value, best)) {
            best = value;
            badSteps = 0;
        } else {
            badSteps++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            badSteps = 0;
        }
        if (badSteps > config.patience()) {
            double reduced = Math.max(learningRate * config.factor(), config.minLr());
            if (learningRate - reduced > config.eps()) {
                learningRate = reduced;
                reductions++;
            }
            cooldownCounter = config.cooldown();
            badSteps = 0;
        }
        return learningRate;
    }

    /**
     * The current learning rate.
     *
     * @return the rate
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The best value seen ({@code ±∞} before any).
     *
     * @return the best value
     */
    public double best() {
        return best;
    }

    /**
     * The bad steps since the last improvement or reduction.
     *
     * @return the count
     */
    public int badSteps() {
        return badSteps;
    }

    /**
     * The remaining cooldown steps.
     *
     * @return the count
     */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /**
     * The values observed.
     *
     * @return the count (PyTorch's {@code last_epoch})
     */
    public long observations() {
        return observations;
    }

    /**
     * The reductions applied.
     *
     * @return the count
     */
    public int reductions() {
        return reductions;
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public ReduceOnPlateau config() {
        return config;
    }

    /**
     * Writes the counters and values (rate, best, bad steps, cooldown, observations,
     * reductions).
     *
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void save(DataOutput out) throws IOException {
        out.writeDouble(learningRate);
        out.writeDouble(best);
        out.writeInt(badSteps);
        out.writeInt(cooldownCounter);
        out.writeLong(observations);
        out.writeInt(reductions);
    }

    /**
     * Replaces this controller's values with those written by {@link #save}, checked first.
     *
     * @param in where to read
     * @throws IOException if reading fails
     * @throws IllegalArgumentException if a value read is out of its range
     */
    public void load(DataInput in) throws IOException {
        double lr = in.readDouble();
        double b = in.readDouble();
        int bad = in.readInt();
        int cool = in.readInt();
        long obs = in.readLong();
        int red = in.readInt();
        if (!(lr >= 0) || Double.isInfinite(lr) || bad < 0 || cool < 0 || obs < 0 || red < 0
                || Double.isNaN(b)) {
            throw new IllegalArgumentException("saved plateau state is malformed: lr " + lr
                    + ", best " + b + ", bad " + bad + ", cooldown " + cool);
        }
        learningRate = lr;
        best = b;
        badSteps = bad;
        cooldownCounter = cool;
        observations = obs;
        reductions = red;
    }

    @Override
    public String toString() {
        return "PlateauController[lr=" + learningRate + ", best=" + best + ", badSteps="
                + badSteps + ", cooldown=" + cooldownCounter + ", observations=" + observations
                + ", reductions=" + reductions + "]";
    }
}
