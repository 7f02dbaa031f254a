package dev.optim.examples.text;

import java.util.List;

/** Renders rows of text as a left-aligned table with a rule under the header. */
public final class TextTable {

    private TextTable() {}

    /**
     * Renders {@code rows}; the first is the header.
     *
     * @param rows the rows, all of the same length
     * @return the table, one line per row plus the rule, each ending with a newline
     */
    public static String render(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(rows.get(r), width, s);
            if (r == 0) {
                String[] rule = new String[cols];
                for (int c = 0; c < cols; c++) {
                    rule[c] = "-".repeat(width[c]);
                }
                line(rule, width, s);
            }
        }
        return s.toString();
    }

    /**
     * Renders {@code rows} as a Markdown table; the first is the header. Pipes in cells are
     * escaped.
     *
     * @param rows the rows, all of the same length
     * @return the table
     */
    public static String markdown(List<String[]> rows) {
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            s.append('|');
            for (String cell : rows.get(r)) {
                s.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            s.append('\n');
            if (r == 0) {
                s.append('|');
                for (int c = 0; c < rows.get(0).length; c++) {
                    s.append("---|");
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static void line(String[] cells, int[] width, StringBuilder s) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            l.append(c == 0 ? "" : "  ").append(cells[c]);
            if (c < cells.length - 1) {
                l.append(" ".repeat(width[c] - cells[c].length()));
            }
        }
        s.append(l.toString().stripTrailing()).append('\n');
    }
}
