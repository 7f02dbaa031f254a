package dev.optim.examples.cli;

import dev.optim.landscapes.regression.RegressionData;
import dev.optim.landscapes.regression.RegressionProblem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
            description = "Points from a UTF-8 CSV file (at most 64 MiB) with a header naming the"
                    + " columns x and y, and at least 2 distinct x.")
    Path data;

    @Option(names = "--points", paramLabel = "N",
            description = "Generate N points, in [2, 10^6] (default: 300, as the article).")
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
            RegressionData d;
            try {
                d = RegressionData.fromCsv(new StringReader(readText(data)), data.toString());
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new BadInputException("--data " + data + ": " + e.getMessage(), e);
            }
            try {
                d.leastSquares();
            } catch (IllegalStateException e) {
                // The library refuses a line fit it cannot define; say so before any work.
                throw new BadInputException("--data " + data + ": " + e.getMessage(), e);
            }
            return d;
        }
        RegressionProblem.Builder b = RegressionProblem.builder().seed(seed);
        if (points != null) {
            if (points < 2 || points > Limits.MAX_POINTS) {
                throw new BadInputException("--points must be in [2, " + Limits.MAX_POINTS
                        + "], got " + points);
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

    /**
     * The file's text, refused with a one-line message naming {@code --data} if it is missing,
     * a folder, not a regular file (a device such as /dev/null, a pipe), larger than
     * {@link Limits#MAX_DATA_BYTES}, or not UTF-8 text (a binary file).
     */
    private static String readText(Path file) {
        String given = "--data " + file;
        if (!Files.exists(file)) {
            throw new BadInputException(given + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new BadInputException(given + ": is a folder, not a CSV file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(given + ": not a regular file (a device or a pipe),"
                    + " not a CSV file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_DATA_BYTES) {
                throw new BadInputException(given + ": " + size + " bytes, more than the "
                        + Limits.MAX_DATA_BYTES + " (64 MiB) the command line reads");
            }
            if (size == 0) {
                throw new BadInputException(given + ": empty; expected a header x,y and rows");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(given + ": cannot read: " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        if (text == null || text.indexOf('\0') >= 0) {
            throw new BadInputException(given + ": not UTF-8 text (a binary file?), so not a"
                    + " CSV file");
        }
        return text;
    }
}
