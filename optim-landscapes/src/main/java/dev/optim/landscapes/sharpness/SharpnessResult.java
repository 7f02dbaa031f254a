package dev.optim.landscapes.sharpness;

/**
 * What {@link EpsilonSharpness#measure} found.
 *
 * @param sharpness {@code φ = 100·(f(θ + y) − f(θ)) / (1 + f(θ))}, the largest loss increase
 *     found in the box, in percent of {@code 1 + f(θ)}; {@code ≥ 0}
 * @param loss {@code f(θ)}
 * @param maxLoss {@code f(θ + y)}, the largest value found in the box, {@code ≥ f(θ)}
 * @param perturbation {@code y}, the perturbation in parameter space that reached it (flat, in
 *     the parameters' memory order); the record's own array, do not modify it
 * @param evaluations the number of objective evaluations spent
 */
public record SharpnessResult(double sharpness, double loss, double maxLoss,
        double[] perturbation, int evaluations) {}
