package dev.reelwatch.media;

import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.store.StoredTask;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The task history as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break in
 * double quotes, quotes doubled), with a header row. The columns are a contract shared by {@code tasks --format csv}
 * and the app's File → Export history…; tags are joined with ';'. Written as text: the caller encodes it as UTF-8.
 */
public final class HistoryCsv {
    public static final List<String> HEADER = List.of("account", "provider", "id", "status", "provider_status",
            "progress", "model", "prompt", "created_at", "finished_at", "duration_s", "cost_amount", "cost_unit",
            "video_url", "local_file", "starred", "tags", "note");
    private static final String CRLF = "\r\n";

    private HistoryCsv() {
    }

    /** Writes the header and one row per task. */
    public static void write(Appendable out, Iterable<StoredTask> tasks) throws IOException {
        line(out, HEADER);
        for (StoredTask t : tasks) {
            line(out, row(t));
        }
    }

    /** The header row, for writers that stream rows one by one. */
    public static String headerLine() {
        return join(HEADER);
    }

    /** One task as a CSV line (with its CRLF). */
    public static String line(StoredTask task) {
        return join(row(task));
    }

    static List<String> row(StoredTask stored) {
        Task t = stored.task();
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(stored.accountName());
        cells.add(stored.provider().cliName());
        cells.add(t.providerTaskId());
        cells.add(t.status().wireName());
        cells.add(t.providerStatus());
        cells.add(t.progress() == null ? "" : String.valueOf(t.progress()));
        cells.add(t.model());
        cells.add(t.prompt());
        cells.add(iso(t.createdAt()));
        cells.add(iso(t.completedAt()));
        cells.add(seconds(t.duration()));
        cells.add(t.cost() == null ? "" : plain(t.cost().amount()));
        cells.add(t.cost() == null ? "" : t.cost().unit() == dev.reelwatch.core.CostUnit.CURRENCY
                && !t.cost().currency().isEmpty() ? t.cost().currency() : t.cost().unit().wireName());
        cells.add(t.primaryVideo().map(TaskOutput::url).orElse(""));
        cells.add(stored.localFile().orElse(""));
        cells.add(String.valueOf(stored.starred()));
        cells.add(String.join(";", stored.tags()));
        cells.add(stored.note());
        return cells;
    }

    private static void line(Appendable out, List<String> cells) throws IOException {
        out.append(join(cells));
    }

    private static String join(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(cells.get(i)));
        }
        return b.append(CRLF).toString();
    }

    /** A field, quoted when it holds a comma, quote or line break (or spaces at its ends, which readers trim). */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static String seconds(Duration d) {
        if (d == null) {
            return "";
        }
        return plain(BigDecimal.valueOf(d.toMillis()).movePointLeft(3));
    }

    private static String plain(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
