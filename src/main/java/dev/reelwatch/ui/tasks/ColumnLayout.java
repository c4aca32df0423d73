package dev.reelwatch.ui.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table's columns as the user left them: order, widths, visibility and sort. Stored as one settings
 * value, e.g. {@code status:110:1,prompt:320:1|created:d}.
 */
public record ColumnLayout(List<Column> columns, List<SortKey> sort) {

    /** One column's place in the layout. */
    public record Column(String id, double width, boolean visible) {
    }

    /** One sort key, in priority order. */
    public record SortKey(String columnId, boolean ascending) {
    }

    public ColumnLayout {
        columns = List.copyOf(columns);
        sort = List.copyOf(sort);
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        for (Column c : columns) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(c.id()).append(':').append(String.format(Locale.ROOT, "%.0f", c.width()))
                    .append(':').append(c.visible() ? '1' : '0');
        }
        b.append('|');
        for (int i = 0; i < sort.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(sort.get(i).columnId()).append(':').append(sort.get(i).ascending() ? 'a' : 'd');
        }
        return b.toString();
    }

    /** Reads a stored layout; empty when the text is missing or damaged (the defaults are used then). */
    public static Optional<ColumnLayout> decode(String text) {
        if (text == null || text.isBlank() || !text.contains("|")) {
            return Optional.empty();
        }
        try {
            String[] halves = text.split("\\|", -1);
            List<Column> columns = new ArrayList<>();
            for (String part : halves[0].split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] f = part.split(":");
                columns.add(new Column(f[0], Double.parseDouble(f[1]), "1".equals(f[2])));
            }
            List<SortKey> sort = new ArrayList<>();
            for (String part : halves[1].split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] f = part.split(":");
                sort.add(new SortKey(f[0], "a".equals(f[1])));
            }
            return Optional.of(new ColumnLayout(columns, sort));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
