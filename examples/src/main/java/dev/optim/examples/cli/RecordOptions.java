package dev.optim.examples.cli;

import picocli.CommandLine.Option;

/**
 * How much of a descent a command prints: {@code --every K} records every {@code K}-th row
 * (and always the first and the last). Used by {@code run} and {@code regress}.
 */
public final class RecordOptions {

    @Option(names = "--every", defaultValue = "1", paramLabel = "K",
            description = "Print every K-th row, and the first and last (default:"
                    + " ${DEFAULT-VALUE}); at most 10^6 rows are kept, so --steps above that"
                    + " needs K > 1.")
    int every = 1;

    /**
     * The interval.
     *
     * @return {@code --every}, checked
     * @throws BadInputException if it is below 1
     */
    public int every() {
        if (every < 1) {
            throw new BadInputException("--every must be >= 1, got " + every);
        }
        return every;
    }
}
