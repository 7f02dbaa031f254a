package dev.optim.examples.tour;

import dev.optim.examples.experiment.RacerSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * What the tour writes and how big it runs.
 *
 * @param out the output folder (created)
 * @param quick a reduced run (coarser grids, fewer steps, a smaller detection batch) for tests
 * @param width the pictures' width in pixels
 * @param height the pictures' height in pixels
 * @param seed the seed of every random draw (data, initialisations)
 * @param racers the optimizer race's runners (point 4); empty for the article's four with the
 *     tour's own rates per landscape
 */
public record TourSettings(Path out, boolean quick, int width, int height, long seed,
        List<RacerSpec> racers) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if {@code out} or {@code racers} is null or a size is
     *     below 100
     */
    public TourSettings {
        if (out == null) {
            throw new IllegalArgumentException("out must not be null");
        }
        if (racers == null) {
            throw new IllegalArgumentException("racers must not be null");
        }
        racers = List.copyOf(racers);
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException(
                    "picture size must be at least 100x100, got " + width + "x" + height);
        }
    }

    /**
     * The settings with the article's four racers.
     *
     * @param out the output folder (created)
     * @param quick a reduced run
     * @param width the pictures' width in pixels
     * @param height the pictures' height in pixels
     * @param seed the seed of every random draw
     */
    public TourSettings(Path out, boolean quick, int width, int height, long seed) {
        this(out, quick, width, height, seed, List.of());
    }

    /**
     * Picks the full or the reduced value.
     *
     * @param full the value of a full run
     * @param reduced the value of a quick run
     * @return one of them
     */
    public int pick(int full, int reduced) {
        return quick ? reduced : full;
    }
}
