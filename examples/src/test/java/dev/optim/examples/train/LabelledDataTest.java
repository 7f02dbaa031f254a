package dev.optim.examples.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The standardisation statistics, hand-worked. */
class LabelledDataTest {

    @Test
    void standardisationIsThePopulationMeanAndDeviationWithOneForAConstantFeature() {
        LabelledData d = new LabelledData(new double[][] {{1, 5, -2}, {3, 5, 2}, {8, 5, 0}},
                new int[] {0, 1, 0}, 2);
        double[][] stats = d.standardisation();
        // Feature 0: mean 4, deviations −3, −1, 4: variance 26/3. Feature 1 is constant.
        assertArrayEquals(new double[] {4, 5, 0}, stats[0], 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(26.0 / 3), 1, Math.sqrt(8.0 / 3)}, stats[1],
                1e-15);
    }
}
