package dev.optim.examples.cli;

import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the line-fit data come from: {@code --data FILE.csv} (columns {@code x,y}), or the
 * article's generator with {@code --points N --seed S} (300 points by default; ground-truth slope
 * and intercept from U(−4, 4), x from a normal with variance 5, noise with variance 10), with
 * {@code --truth SLOPE,INTERCEPT} and {@code --noise SIGMA} to override. Used by {@code regress}
 * and {@code surface --regression}.
 */
public final class RegressionDataOptions {

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Points from a CSV file with a header naming the columns x and y.")
    Path data;

    @Option(names = "--points", paramLabel = "N",
            description = "Generate N points, >= 2 (default: 300, as the article).")
    Integer points;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the generator and of the initialisation (default:"
                    + " ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--truth", paramLabel = "SLOPE,INTERCEPT", converter = PointConverter.class,
            description = "The ground-truth line (default: drawn from U(-4, 4) each).")
    Coordinates truth;

    @Option(names = "--noise", paramLabel = "SIGMA",
            description = "The noise's standard deviation, >= 0 (default: sqrt(10)).")
    Double noise;

    /**
     * The seed.
     *
     * @return {@code --seed}
     */
    public long seed() {
        return seed;
    }

    /**
     * Loads or generates the data.
     *
     * @return the data
     * @throws BadInputException if the file is missing or malformed, or options conflict
     */
    public RegressionData load() {
        if (data != null) {
            if (points != null) {
                throw new BadInputException("--points applies to generated data, not to --data");
            }
            if (truth != null) {
                throw new BadInputException("--truth applies to generated data, not to --data");
            }
            if (noise != null) {
                throw new BadInputException("--noise applies to generated data, not to --data");
            }
            if (!Files.isRegularFile(data)) {
                throw new BadInputException("--data " + data + ": no such file");
            }
            try {
                return RegressionData.fromCsv(data);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new BadInputException("--data " + data + ": " + e.getMessage(), e);
            }
        }
        RegressionProblem.Builder b = RegressionProblem.builder().seed(seed);
        if (points != null) {
            if (points < 2) {
                throw new BadInputException("--points must be >= 2, got " + points);
            }
            b.points(points);
        }
        if (truth != null) {
            double[] t = truth.values();
            if (t.length != 2) {
                throw new BadInputException("--truth takes SLOPE,INTERCEPT (2 numbers), got "
                        + t.length);
            }
            b.truth(t[0], t[1]);
        }
        if (noise != null) {
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw new BadInputException("--noise must be finite and >= 0, got " + noise);
            }
            b.noiseSigma(noise);
        }
        return b.build().generate();
    }
}
