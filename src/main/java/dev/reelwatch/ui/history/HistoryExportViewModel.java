package dev.reelwatch.ui.history;

import dev.reelwatch.media.HistoryCsv;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.TaskExecutor;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;

/**
 * File → Export history…: writes the rows the current filter shows, in their order, as CSV (the columns of
 * {@code reelwatch tasks --format csv}) to a file the user names. Read and written off the FX thread.
 */
public final class HistoryExportViewModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.history.messages");

    private final TaskStore tasks;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Supplier<Path> startFolder;

    public HistoryExportViewModel(TaskStore tasks, DialogService dialogs, TaskExecutor executor, Clock clock,
                                  Supplier<Path> startFolder) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.executor = executor;
        this.clock = clock;
        this.startFolder = startFolder;
    }

    /** Asks where to save, then writes these tasks (the visible rows, in order). */
    public void export(List<Long> visibleIds) {
        if (visibleIds.isEmpty()) {
            dialogs.showInfo(TEXT.getString("title"), TEXT.getString("nothing"));
            return;
        }
        String suggested = "reelwatch-history-" + LocalDate.ofInstant(clock.instant(), clock.getZone()) + ".csv";
        dialogs.chooseSaveFile(TEXT.getString("title"), startFolder.get(), suggested, List.of("*.csv"))
                .ifPresent(file -> write(List.copyOf(visibleIds), file));
    }

    private void write(List<Long> ids, Path file) {
        BackgroundTask.wrap(() -> writeCsv(ids, file))
                .describedAs(TEXT.getString("task"))
                .onSuccess(n -> dialogs.showInfo(TEXT.getString("title"),
                        MessageFormat.format(TEXT.getString("done"), n, file)))
                .onFailure(e -> dialogs.showError(TEXT.getString("title"),
                        MessageFormat.format(TEXT.getString("failed"), file), String.valueOf(e.getMessage())))
                .executeWith(executor);
    }

    /** Writes the CSV and returns how many tasks it holds; tasks removed meanwhile are left out. */
    int writeCsv(List<Long> ids, Path file) throws java.io.IOException {
        Set<Long> wanted = new LinkedHashSet<>(ids);
        Map<Long, StoredTask> byId = new HashMap<>();
        for (StoredTask t : tasks.query(TaskQuery.all())) {
            if (wanted.contains(t.id())) {
                byId.put(t.id(), t);
            }
        }
        List<StoredTask> ordered = new ArrayList<>();
        for (long id : wanted) {
            StoredTask t = byId.get(id);
            if (t != null) {
                ordered.add(t);
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            HistoryCsv.write(out, ordered);
        }
        return ordered.size();
    }
}
