package dev.optim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code run} and {@code regress} print every row they promise: {@code N+1} rows for
 * {@code --steps N} up to {@link Limits#MAX_ROWS}, every K-th (and the last) with
 * {@code --every K}. If the library's descent keeps fewer rows by default than the command line
 * promises, this fails: the descents of {@code Descents.on} and {@code LineFit.run} must then
 * ask for {@code Descents.ROW_LIMIT + 2} rows.
 */
class RowCountTest {

    @Test
    void runPrintsEveryRowWellBeyondTenThousand() {
        Cli.Result r = Cli.run("run", "--landscape", "booth", "--steps", "25000", "--lr",
                "0.001");
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 25001, r.lines().size());
        assertEquals(25000, (long) Cli.row(r.lines().get(25001))[0]);
    }

    @Test
    void everyThinsToEveryKthRowAndKeepsTheLast() {
        Cli.Result r = Cli.run("run", "--landscape", "booth", "--steps", "1005", "--every",
                "10");
        assertEquals(0, r.code(), r.err());
        // Rows 0, 10, ..., 1000 and the last, 1005.
        assertEquals(1 + 101 + 1, r.lines().size());
        assertEquals(1005, (long) Cli.row(r.lines().get(r.lines().size() - 1))[0]);
        assertEquals(10, (long) Cli.row(r.lines().get(2))[0]);
    }

    @Test
    void regressPrintsEveryRowToo() {
        Cli.Result r = Cli.run("regress", "--points", "20", "--steps", "12000", "--lr", "0.01");
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 12001, r.lines().size());
    }
}
