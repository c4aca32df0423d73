package dev.reelwatch.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns that fits a terminal width: each column is as wide as its
 * widest cell up to its cap, and the last column takes what is left (never less than its minimum).
 */
final class TextTable {
    private static final String GAP = "  ";

    private final List<String> headers;
    private final int[] caps;
    private final int width;
    private final List<String[]> rows = new ArrayList<>();
    private Styler styler = (column, cell) -> null;

    /** The ANSI colour code (e.g. "32") for a cell, or null for none; applied after the columns are laid out. */
    @FunctionalInterface
    interface Styler {
        String colour(int column, String cell);
    }

    /** {@code caps} holds the widest each column but the last may grow. */
    TextTable(int width, List<String> headers, int... caps) {
        if (caps.length != headers.size() - 1) {
            throw new IllegalArgumentException("one cap per column but the last");
        }
        this.headers = List.copyOf(headers);
        this.caps = caps.clone();
        this.width = width;
    }

    /** Colours cells; call only when colours may be used. */
    TextTable styled(Styler colours) {
        this.styler = colours;
        return this;
    }

    void addRow(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells");
        }
        String[] clean = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            clean[i] = oneLine(cells[i]);
        }
        rows.add(clean);
    }

    void print(PrintWriter out) {
        int columns = headers.size();
        int[] widths = new int[columns];
        int used = 0;
        for (int c = 0; c < columns - 1; c++) {
            int widest = headers.get(c).length();
            for (String[] row : rows) {
                widest = Math.max(widest, row[c].length());
            }
            widths[c] = Math.min(widest, Math.max(caps[c], headers.get(c).length()));
            used += widths[c] + GAP.length();
        }
        int lastWidest = headers.get(columns - 1).length();
        for (String[] row : rows) {
            lastWidest = Math.max(lastWidest, row[columns - 1].length());
        }
        widths[columns - 1] = Math.min(lastWidest, Math.max(headers.get(columns - 1).length(), width - used));
        printLine(out, headers.toArray(String[]::new), widths, false);
        for (String[] row : rows) {
            printLine(out, row, widths, true);
        }
    }

    private void printLine(PrintWriter out, String[] cells, int[] widths, boolean style) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String cell = fit(cells[c], widths[c]);
            String colour = style ? styler.colour(c, cells[c]) : null;
            line.append(colour == null ? cell : "\u001B[" + colour + "m" + cell + "\u001B[0m");
            if (c < cells.length - 1) {
                line.append(" ".repeat(widths[c] - cell.length())).append(GAP);
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Cuts a cell to {@code width}, marking the cut with an ellipsis. */
    static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return width <= 1 ? text.substring(0, width) : text.substring(0, width - 1) + "…";
    }

    /** Tabs and newlines would break the alignment; bidi overrides and escapes would garble the terminal. */
    private static String oneLine(String text) {
        return HumanText.clean(text).strip();
    }
}
