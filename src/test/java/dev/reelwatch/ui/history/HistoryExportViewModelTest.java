package dev.reelwatch.ui.history;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.HistoryCsv;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File → Export history…: the visible rows, in their order, as the CSV of `tasks --format csv`. */
class HistoryExportViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T18:00:00Z");

    @TempDir
    Path dir;
    TestCache cache;
    final List<String> shown = new ArrayList<>();
    final List<String> suggested = new ArrayList<>();

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(NOW));
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    private DialogService dialogs(Path answer) {
        return new DialogService() {
            @Override
            public boolean confirm(String title, String message, String details, String confirmLabel) {
                return false;
            }

            @Override
            public Optional<String> askText(String title, String message, String initial) {
                return Optional.empty();
            }

            @Override
            public void showError(String title, String message, String details) {
                shown.add("error: " + message + " " + details);
            }

            @Override
            public void showInfo(String title, String message) {
                shown.add(message);
            }

            @Override
            public Optional<Path> chooseFolder(String title, Path initial) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseFile(String title, Path initial, List<String> extensions) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> chooseSaveFile(String title, Path folder, String name, List<String> extensions) {
                suggested.add(name);
                return Optional.ofNullable(answer);
            }
        };
    }

    @Test
    void writesTheVisibleRowsInTheirOrderAsUtf8Csv() throws Exception {
        Account studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        long a = cache.put(TestCache.task(studio, "t-a", TaskStatus.SUCCEEDED, "東京の雨, at night", "veo",
                NOW.minusSeconds(60))).id();
        long b = cache.put(TestCache.task(studio, "t-b", TaskStatus.FAILED, "a \"quoted\"\nprompt", "veo",
                NOW.minusSeconds(120))).id();
        cache.put(TestCache.task(studio, "t-hidden", TaskStatus.RUNNING, "filtered out", "veo", NOW));
        Path file = dir.resolve("history.csv");
        HistoryExportViewModel vm = new HistoryExportViewModel(cache.tasks, dialogs(file),
                TaskExecutor.direct((what, e) -> shown.add("problem: " + e)), cache.clock, () -> dir);

        vm.export(List.of(b, a));

        assertEquals(List.of("reelwatch-history-2026-11-23.csv"), suggested);
        assertEquals(List.of("Wrote 2 tasks to " + file + "."), shown);
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(HistoryCsv.headerLine()), csv);
        List<String> rows = List.of(csv.split("\r\n"));
        assertTrue(rows.get(1).startsWith("Studio,meshapi,t-b,failed,"), csv);
        assertTrue(rows.get(1).contains("\"a \"\"quoted\"\"\nprompt\""), csv);
        assertTrue(rows.get(2).contains("\"東京の雨, at night\""), csv);
        assertEquals(3, rows.size(), "the hidden row is not exported");
    }

    @Test
    void anEmptyFilterSaysThereIsNothingToExport() {
        HistoryExportViewModel vm = new HistoryExportViewModel(cache.tasks, dialogs(dir.resolve("x.csv")),
                TaskExecutor.direct((what, e) -> { }), cache.clock, () -> dir);

        vm.export(List.of());

        assertEquals(1, shown.size());
        assertTrue(suggested.isEmpty(), "no file chooser for nothing");
        assertTrue(Files.notExists(dir.resolve("x.csv")));
    }
}
