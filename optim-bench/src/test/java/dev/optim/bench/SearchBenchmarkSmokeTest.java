package dev.optim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Calls each {@link SearchBenchmark} method once, so that the benchmark never rots. Not a measurement. */
class SearchBenchmarkSmokeTest {

    @Test
    void everySearchBenchmarkRuns() {
        var bench = new SearchBenchmark();
        var h = new SearchBenchmark.History();
        h.finished = 30;
        h.make();
        assertEquals(2, bench.proposeBayes(h).length);
        assertEquals(2, bench.proposeRandom(h).length);
        var p = new SearchBenchmark.Pool();
        p.threads = 2;
        p.make();
        assertEquals(SearchBenchmark.TRIALS, bench.trials(p).size());
    }
}
