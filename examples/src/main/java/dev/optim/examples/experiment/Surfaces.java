package dev.optim.examples.experiment;

import dev.optim.examples.plot.GridValues;
import dev.optim.landscapes.Grid;
import dev.optim.landscapes.Landscape;
import dev.optim.landscapes.Minimum;
import dev.optim.landscapes.Surface;
import java.util.List;

/**
 * Bridges the library's {@link Surface} (a loss on a grid) to the pictures'
 * {@link GridValues}, and lists the known minima of a landscape inside a box, for drawing.
 */
public final class Surfaces {

    private Surfaces() {}

    /**
     * The values of a landscape's {@link Surface}, for plotting, with the landscape itself for
     * the contours' saddle cells ({@link GridValues#withFunction}).
     *
     * @param landscape the landscape the surface samples (in 2 dimensions)
     * @param surface the surface
     * @return the same grid and values
     */
    public static GridValues toGrid(Landscape landscape, Surface surface) {
        return toGrid(surface).withFunction((x, y) -> landscape.value(new double[] {x, y}));
    }

    /**
     * The surface's values as a {@link GridValues}, without the function they came from.
     *
     * @param surface the surface
     * @return the grid values
     */
    public static GridValues toGrid(Surface surface) {
        Grid g = surface.grid();
        return new GridValues(g.xs(), g.ys(), surface.values());
    }

    /**
     * A 2-D landscape on a {@code resolution × resolution} grid over its domain.
     *
     * @param landscape a landscape of dimension 2
     * @param resolution points per axis, at least 2
     * @return the surface
     */
    public static Surface ofLandscape(Landscape landscape, int resolution) {
        return Surface.of(landscape, Grid.over(landscape.domain(), resolution, resolution));
    }

    /**
     * The known minima of {@code landscape} that lie in the box, as {@code {xs, ys}}.
     *
     * @param landscape a landscape of dimension 2
     * @param grid the box
     * @return the coordinates, possibly empty
     */
    public static double[][] minimaInside(Landscape landscape, Grid grid) {
        List<Minimum> minima = landscape.minima();
        double[] xs = new double[minima.size()];
        double[] ys = new double[minima.size()];
        int n = 0;
        for (Minimum m : minima) {
            double[] p = m.point();
            if (p.length == 2 && p[0] >= grid.xLo() && p[0] <= grid.xHi() && p[1] >= grid.yLo()
                    && p[1] <= grid.yHi()) {
                xs[n] = p[0];
                ys[n++] = p[1];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)};
    }
}
