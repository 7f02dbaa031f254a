package dev.optim.landscapes;

import java.util.ArrayList;
import java.util.List;

/** The landscapes under test: the catalogue in 2-D, and the n-D ones in 3, 5 and 10 dimensions. */
final class TestLandscapes {

    private TestLandscapes() {}

    static List<Landscape> all() {
        List<Landscape> all = new ArrayList<>(Landscapes.all());
        for (int n : new int[] {3, 5, 10}) {
            for (String name : Landscapes.names()) {
                if (Landscapes.anyDimension(name)) {
                    all.add(Landscapes.byName(name, n));
                }
            }
        }
        return all;
    }

    /** The point of the domain at fractions {@code u} (in [0, 1]) of each axis. */
    static double[] inDomain(Landscape l, double[] u) {
        Domain d = l.domain();
        double[] x = new double[d.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = d.lo(i) + u[i] * (d.hi(i) - d.lo(i));
        }
        return x;
    }

    /**
     * Whether a point lies well away from the points where a non-smooth landscape is not
     * differentiable (so that central differences of step about 1e-6 do not straddle a kink).
     */
    static boolean awayFromKinks(Landscape l, double[] p) {
        double x = p[0];
        double y = p[1];
        switch (l.name()) {
            case "ackley": {
                double s = 0;
                for (double v : p) {
                    s += v * v;
                }
                return Math.sqrt(s / p.length) > 1e-2;
            }
            case "bukin-n6":
                return Math.abs(y - 0.01 * x * x) > 1e-2 && Math.abs(x + 10) > 1e-3;
            case "eggholder":
                return Math.abs(x / 2 + y + 47) > 5 && Math.abs(x - y - 47) > 5;
            case "cross-in-tray":
                return Math.abs(Math.sin(x)) > 1e-2 && Math.abs(Math.sin(y)) > 1e-2;
            case "holder-table":
                return Math.abs(Math.sin(x)) > 1e-2 && Math.abs(Math.cos(y)) > 1e-2
                        && Math.abs(Math.hypot(x, y) - Math.PI) > 1e-2;
            default:
                return true;
        }
    }
}
