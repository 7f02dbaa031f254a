package dev.optim.examples.text;

import java.util.Locale;

/** Short human-readable numbers for tables and titles (never for data output, which round-trips). */
public final class Numbers {

    private Numbers() {}

    /**
     * At most 7 significant digits, without trailing zeros: {@code 3}, {@code -2.805118},
     * {@code 1.5e-08}.
     *
     * @param v the number
     * @return the text
     */
    public static String brief(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double a = Math.abs(v);
        String s = a >= 1e-4 && a < 1e7 ? String.format(Locale.ROOT, "%.7g", v)
                : String.format(Locale.ROOT, "%.3e", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trim(parts[0]) + "e" + parts[1];
        }
        return trim(s);
    }

    /**
     * Four significant digits, without trailing zeros, for the tour's summary: {@code 9.42},
     * {@code 0.01036}, {@code 2916}, {@code 6.3e-16}; scientific below 10⁻³ and from 10⁶.
     *
     * @param v the number
     * @return the text
     */
    public static String sig4(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e6 ? String.format(Locale.ROOT, "%.4g", v)
                : String.format(Locale.ROOT, "%.3e", v);
        if (s.contains("e")) {
            String[] parts = s.split("e");
            return trim(parts[0]) + "e" + parts[1];
        }
        return trim(s);
    }

    /**
     * A point as {@code (x0, x1, …)} with {@link #sig4} coordinates.
     *
     * @param p the coordinates
     * @return the text
     */
    public static String point4(double[] p) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < p.length; i++) {
            s.append(i == 0 ? "" : ", ").append(sig4(p[i]));
        }
        return s.append(')').toString();
    }

    /**
     * A point as {@code (x0, x1, …)} with {@link #brief} coordinates.
     *
     * @param p the coordinates
     * @return the text
     */
    public static String point(double[] p) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < p.length; i++) {
            s.append(i == 0 ? "" : ", ").append(brief(p[i]));
        }
        return s.append(')').toString();
    }

    private static String trim(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
