package dev.optim.examples.cli;

import picocli.CommandLine.Option;

/**
 * How large a command draws its picture: {@code --width W}, {@code --height H}, and the grid
 * {@code --resolution N} the picture's surface is evaluated on. Each command declares its own
 * {@code --png FILE}, since where the picture goes by default differs.
 */
public final class PictureOptions {

    @Option(names = "--width", defaultValue = "900", paramLabel = "W",
            description = "Picture width in pixels (default: ${DEFAULT-VALUE}).")
    int width = 900;

    @Option(names = "--height", defaultValue = "700", paramLabel = "H",
            description = "Picture height in pixels (default: ${DEFAULT-VALUE}).")
    int height = 700;

    @Option(names = "--resolution", defaultValue = "150", paramLabel = "N",
            description = "Grid points per axis, in [2, 2000] (default: ${DEFAULT-VALUE}).")
    int resolution = 150;

    /**
     * Checks the sizes.
     *
     * @throws BadInputException if a size is out of range
     */
    public void check() {
        if (width < 100 || width > 10000) {
            throw new BadInputException("--width must be in [100, 10000], got " + width);
        }
        if (height < 100 || height > 10000) {
            throw new BadInputException("--height must be in [100, 10000], got " + height);
        }
        if (resolution < 2 || resolution > 2000) {
            throw new BadInputException("--resolution must be in [2, 2000], got " + resolution);
        }
    }

    /**
     * The width.
     *
     * @return pixels
     */
    public int width() {
        return width;
    }

    /**
     * The height.
     *
     * @return pixels
     */
    public int height() {
        return height;
    }

    /**
     * The grid points per axis.
     *
     * @return the resolution
     */
    public int resolution() {
        return resolution;
    }
}
