package dev.optim.examples.train;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV of examples: each line holds the features then the integer class label, separated
 * by commas; blank lines and lines starting with {@code #} are skipped, and a first line that is
 * not numeric is a header. A ragged or non-numeric row is refused with its line number.
 */
public final class CsvData {

    private CsvData() {
    }

    /**
     * Reads labelled data.
     *
     * @param in the CSV (gzip-compressed when {@code gzip})
     * @param gzip whether the input is gzip-compressed
     * @param source the name of the input, for messages
     * @param classes the number of classes, or 0 for {@code 1 + the largest label}
     * @return the data
     * @throws IOException if reading fails
     * @throws IllegalArgumentException naming the line of a ragged or non-numeric row, a label
     *     that is not a non-negative integer or not below {@code classes}, or an empty input
     */
    public static LabelledData read(InputStream in, boolean gzip, String source, int classes)
            throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int width = -1;
        int max = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            boolean first = true;
            while ((line = r.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split(",", -1);
                if (first && !numeric(f[0].strip())) {
                    first = false;
                    continue;
                }
                first = false;
                if (f.length < 2) {
                    throw new IllegalArgumentException(source + " line " + number
                            + ": need at least one feature and a label, got " + f.length + " field");
                }
                if (width < 0) {
                    width = f.length;
                } else if (f.length != width) {
                    throw new IllegalArgumentException(source + " line " + number + ": " + f.length
                            + " fields, but the first row has " + width);
                }
                double[] x = new double[width - 1];
                for (int j = 0; j < width - 1; j++) {
                    x[j] = number(f[j], source, number, j + 1);
                }
                double y = number(f[width - 1], source, number, width);
                if (y != Math.rint(y) || y < 0 || y > Integer.MAX_VALUE - 1) {
                    throw new IllegalArgumentException(source + " line " + number
                            + ": the label (last field) must be a class 0, 1, 2, ..., got "
                            + f[width - 1].strip());
                }
                if (classes > 0 && y >= classes) {
                    throw new IllegalArgumentException(source + " line " + number + ": label "
                            + (int) y + " is outside the " + classes + " classes [0, " + classes + ")");
                }
                rows.add(x);
                labels.add((int) y);
                max = Math.max(max, (int) y);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no examples");
        }
        int k = classes > 0 ? classes : max + 1;
        if (k < 2) {
            throw new IllegalArgumentException(source + ": need at least 2 classes, got " + k);
        }
        return new LabelledData(rows.toArray(new double[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray(), k);
    }

    private static boolean numeric(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String s, String source, int line, int field) {
        try {
            double v = Double.parseDouble(s.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " line " + line + ", field " + field
                + ": not a finite number: '" + s.strip() + "'");
    }
}
