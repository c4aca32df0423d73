package dev.reelwatch.ui.bulk;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.failures.FailuresViewModel;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.AnsweringDialogs;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.main.MainView;
import dev.reelwatch.ui.main.MainViewModel;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window with bulk actions, Failures and pausing, driven like a person would over a real SQLite cache
 * of 1,000 tasks: Ctrl+A, one batch, one summary, Undo.
 */
class BulkActionsViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final java.time.Duration HANG_GUARD = java.time.Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private TestCache cache;
    private RecordingSyncService sync;
    private AnsweringDialogs dialogs;
    private ExecutorService background;
    private MainViewModel vm;
    private MainView view;
    private BulkActionsViewModel bulk;
    private Account studio;
    private final List<BulkSummary> summaries = new CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tasks.add(Task.builder("task-" + i, TaskStatus.SUCCEEDED).accountId(studio.id()).prompt("Shot number " + i)
                    .model("veo-3").createdAt(NOW.minusSeconds(60L * i)).build());
        }
        for (int i = 0; i < 4; i++) {
            tasks.add(Task.builder("bad-" + i, TaskStatus.FAILED).accountId(studio.id()).prompt("Refused " + i)
                    .createdAt(NOW.minusSeconds(30L * i)).completedAt(NOW.minusSeconds(30L * i))
                    .error(new TaskError("InputTextSensitiveContentDetected", "The prompt may be sensitive."))
                    .build());
        }
        tasks.add(Task.builder("odd-0", TaskStatus.FAILED).accountId(studio.id()).createdAt(NOW.minusSeconds(5))
                .build());
        cache.tasks.upsert(studio.id(), tasks);
        sync = new RecordingSyncService();
        dialogs = new AnsweringDialogs();
        background = Executors.newFixedThreadPool(2);
        StoreChangeRelay relay = new StoreChangeRelay(cache.tasks, UiThread.fx());
        vm = dev.reelwatch.ui.main.MainWindowFactory.model(cache.tasks, cache.accounts, cache.settings, sync, relay,
                () -> java.util.Optional.of(false), dev.reelwatch.ui.fixtures.TestExecutors.fx(background), background,
                UiThread.fx(), cache.clock, new dev.reelwatch.ui.common.ProblemArea());
        view = dev.reelwatch.ui.main.MainWindowFactory.view(vm, new Label("detail"), new Label("welcome"), MediaHooks.NONE, () -> { }, id -> { },
                ServerTaskDeleter.UNSUPPORTED, dialogs);
        bulk = new BulkActionsViewModel(cache.tasks, cache.accounts, cache.settings, sync,
                new VideoExporter(cache.tasks, id -> cache.tasks.byId(id).orElseThrow()),
                () -> new ExportNaming(ExportNaming.DEFAULT_TEMPLATE, ZoneOffset.UTC), id -> { }, dialogs,
                TaskExecutor.fx(background, (what, e) -> { }));
        bulk.summaryProperty().addListener((o, was, now) -> {
            if (now != null) {
                summaries.add(now);
            }
        });
        dev.reelwatch.ui.main.MainWindowFactory.addBulkActions(view, bulk);
        FailuresViewModel failures = new FailuresViewModel(cache.tasks, relay, vm.executor(), cache.clock,
                ZoneOffset.UTC);
        dev.reelwatch.ui.main.MainWindowFactory.addFailures(view, vm, failures);
        failures.reload();
        stage.setScene(view.createScene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.start();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        org.testfx.api.FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    /** Waits through a busy machine's slow minutes; the test's hang guard ends a real hang. */
    private static void waitLong(String what, java.util.function.BooleanSupplier condition) {
        while (true) {
            try {
                waitUntil(condition);
                return;
            } catch (TimeoutException | RuntimeException stillWaiting) {
                System.err.println("still waiting for: " + what);
            }
        }
    }

    private TableView<TaskRow> table() {
        return view.taskTable().table();
    }

    private String text(String id) {
        return onFxThread(() -> ((Label) lookup(id).query()).getText());
    }

    /**
     * Asks for the node's context menu as a right click or the menu key does (the headless robot's right click
     * does not make JavaFX ask), then clicks the menu's item with this text.
     */
    private void fromContextMenu(Node node, String itemText) {
        interact(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 12, 12, b.getMinX() + 12,
                    b.getMinY() + 12, false, null));
        });
        waitUntil("the menu item " + itemText, () -> menuItem(itemText) != null);
        clickOn(onFxThread(() -> menuItem(itemText)));
    }

    private Node menuItem(String text) {
        return lookup(".context-menu .menu-item").match(n -> n.isVisible() && lookupLabel(n, text)).tryQuery()
                .orElse(null);
    }

    private static boolean lookupLabel(Node item, String text) {
        return item.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label
                && text.equals(label.getText()));
    }

    private void fromContextMenu(String itemText) {
        fromContextMenu(onFxThread(() -> lookup(".table-row-cell").nth(0).queryAs(Node.class)), itemText);
    }

    @Test
    void ctrlAThenOneBatchOverAThousandTasksEndsInOneSummaryAndUndoBringsThemBack() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            waitUntil("1,005 rows", () -> table().getItems().size() == 1005);
            clickOn("#sidebar-succeeded");
            waitUntil("the succeeded tasks", () -> table().getItems().size() == 1000);
            clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
            press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
            waitUntil("all 1,000 shown are selected", () -> vm.tasks().selectedIds().size() == 1000);
            waitUntil("the status bar names the selection", () -> text("#selectionText").equals("1,000 selected"));

            fromContextMenu("Star");
            waitLong("one summary", () -> !summaries.isEmpty() && !bulk.runningProperty().get());
            assertEquals("1,000 starred", text("#bulkSummary"));
            assertEquals(1, summaries.size());
            assertEquals(1000, cache.tasks.count(new TaskQuery(Set.of(), null, null, 0, 0, false, true, null)));

            type(KeyCode.DELETE);
            waitLong("the removal's summary", () -> summaries.size() == 2 && !bulk.runningProperty().get());
            assertEquals("1,000 removed from history", text("#bulkSummary"));
            assertEquals(1, dialogs.asked.stream().filter(a -> a.kind().equals("confirm")).count(),
                    "asked once for the whole batch");
            waitUntil("the rows are gone", () -> table().getItems().isEmpty());
            assertEquals(5, cache.tasks.count(TaskQuery.all()));

            clickOn("#bulkUndo");
            waitLong("the rows are back", () -> table().getItems().size() == 1000);
            assertEquals(1005, cache.tasks.count(TaskQuery.all()));
            assertEquals("Undone: 1,000 tasks are back in the history", text("#bulkSummary"));
            assertEquals(2, summaries.size(), "undo adds no summary of its own");
        });
    }

    @Test
    void skippedTasksAreInTheDetailsOneClickAway() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            waitUntil("1,005 rows", () -> table().getItems().size() == 1005);
            clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
            press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
            waitUntil("all selected", () -> vm.tasks().selectedIds().size() == 1005);
            fromContextMenu("Delete on server…");
            waitUntil("one summary", () -> summaries.size() == 1 && !bulk.runningProperty().get());
            assertEquals("0 deleted on the server · 1,005 skipped: MeshAPI cannot delete tasks",
                    text("#bulkSummary"));
            assertTrue(dialogs.asked.isEmpty(), "nothing to confirm when nothing can go");
            clickOn("#bulkDetails");
            waitUntil("the details list", () -> lookup("#bulkDetailsList").query().isVisible());
            assertEquals(1005, onFxThread(() -> ((javafx.scene.control.ListView<?>) lookup("#bulkDetailsList")
                    .query()).getItems().size()));
        });
    }

    @Test
    void failuresGroupsFilterTheTableAndTheChipLeadsBack() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            waitUntil("1,005 rows", () -> table().getItems().size() == 1005);
            assertTrue(lookup("#failuresView").tryQuery().isEmpty(), "built the first time it is shown");
            clickOn("#sidebar-failures");
            waitUntil("the Failures view", () -> lookup("#failuresView").tryQuery().map(Node::isVisible)
                    .orElse(false));
            waitUntil("two groups", () -> lookup(".failure-card").queryAll().size() == 2);
            assertEquals("5 failed tasks in 2 groups · 5 in the last 30 days", text("#failuresSummary"));
            assertTrue(lookup("Refused by the provider's content rules").tryQuery().isPresent());
            clickOn(lookup(".failure-show").nth(0).queryAs(Node.class));
            waitUntil("the group's tasks", () -> table().isVisible() && table().getItems().size() == 4);
            assertTrue(table().getItems().stream().allMatch(r -> r.providerTaskId().startsWith("bad-")));
            assertTrue(lookup("#subsetChip").query().isVisible());
            clickOn("#subsetClear");
            waitUntil("every task again", () -> table().getItems().size() == 1005);
        });
    }

    @Test
    void pausingAnAccountFromTheSidebarStoresItAndShowsTheBadges() {
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            waitUntil("the account line", () -> lookup("#sidebar-account-" + studio.id()).tryQuery().isPresent());
            fromContextMenu(onFxThread(() -> lookup("#sidebar-account-" + studio.id()).query()), "Pause syncing");
            waitUntil("stored", () -> cache.accounts.isPaused(studio.id()));
            assertTrue(sync.calls.contains("accountsChanged"));
            waitUntil("the sidebar badge", () -> lookup(".paused-badge").tryQuery().isPresent());
            waitUntil("the status bar chip", () -> lookup("#pausedIndicator").query().isVisible());

            clickOn("#pauseAllToggle");
            waitUntil("all syncing paused is stored", () -> cache.settings.getBoolean("sync.pauseAll", false));
            assertTrue(onFxThread(() -> vm.pause().allPausedProperty().get()));
        });
    }
}
