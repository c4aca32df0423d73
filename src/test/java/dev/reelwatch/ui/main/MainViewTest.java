package dev.reelwatch.ui.main;

import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskRow;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window driven like a person would, over a real SQLite cache. */
class MainViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private RecordingSyncService sync;
    private ExecutorService background;
    private MainViewModel vm;
    private MainView view;
    private Account studio;
    private Label detail;
    private final ProblemArea problems = new ProblemArea();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<List<Long>> exported = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The media feature's port with only Export… recorded: which tasks the window asked to export. */
    private final MediaHooks exports = new MediaHooks() {
        @Override
        public Node createPlayer(javafx.beans.value.ObservableValue<Long> selectedTaskId) {
            return NONE.createPlayer(selectedTaskId);
        }

        @Override
        public void installDragExport(TableView<?> table, java.util.function.Supplier<List<Long>> ids) {
            NONE.installDragExport(table, ids);
        }

        @Override
        public void exportTasks(List<Long> taskIds, javafx.stage.Window owner) {
            exported.add(List.copyOf(taskIds));
        }

        @Override
        public void openContainingFolder(long taskId) {
            NONE.openContainingFolder(taskId);
        }

        @Override
        public java.util.concurrent.CompletableFuture<java.util.Optional<Path>> thumbnailFile(long taskId) {
            return NONE.thumbnailFile(taskId);
        }
    };

    @Override
    public void start(Stage stage) {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        cache.put(TestCache.task(studio, "task-boat", TaskStatus.RUNNING, "A paper boat drifting", "veo-3",
                NOW.minusSeconds(60)));
        cache.put(TestCache.task(studio, "task-fjord", TaskStatus.SUCCEEDED, "Aerial shot over a fjord", "veo-3",
                NOW.minusSeconds(600)));
        cache.put(TestCache.task(studio, "task-corgi", TaskStatus.FAILED, "Corgi astronaut on the moon", "kling",
                NOW.minusSeconds(6000)));
        sync = new RecordingSyncService();
        background = Executors.newSingleThreadExecutor();
        stage.setScene(createView());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.start();
    }

    private Scene createView() {
        vm = new MainViewModel(cache.tasks, cache.accounts, cache.settings, sync,
                new StoreChangeRelay(cache.tasks, UiThread.fx()), () -> java.util.Optional.of(false),
                TestExecutors.fx(background), background, UiThread.fx(), cache.clock, problems);
        detail = new Label("detail");
        view = new MainView(vm, detail, new Label("welcome"), exports, () -> { }, id -> { },
                ServerTaskDeleter.UNSUPPORTED, dialogs);
        return view.createScene();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        org.testfx.api.FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    private TableView<TaskRow> table() {
        return view.taskTable().table();
    }

    private long idOf(String providerTaskId) {
        return cache.tasks.find(studio.id(), providerTaskId).orElseThrow().id();
    }

    @Test
    void searchingNarrowsTheTableAndAnEmptyResultOffersToClearTheFilter() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn("#searchField").write("fjord");
        waitUntil(() -> table().getItems().size() == 1);
        assertEquals("task-fjord", table().getItems().get(0).providerTaskId());

        write(" nothing-like-this");
        waitUntil(() -> table().getItems().isEmpty());
        Node clear = lookup("Clear filters").query();
        assertTrue(clear.isVisible());
        clickOn(clear);
        waitUntil(() -> table().getItems().size() == 3);
    }

    @Test
    void theSidebarFiltersByStatusGroup() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn("#sidebar-failed");
        waitUntil(() -> table().getItems().size() == 1);
        assertEquals(TaskStatus.FAILED, table().getItems().get(0).status());
        clickOn("#sidebar-all");
        waitUntil(() -> table().getItems().size() == 3);
    }

    @Test
    void clickingAColumnHeaderSortsAndSelectingARowPublishesItsId() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        assertEquals("task-boat", table().getItems().get(0).providerTaskId());
        clickOn(lookup(".column-header").match(n -> "prompt".equals(n.getId())).queryAs(Node.class));
        waitUntil(() -> table().getItems().get(0).providerTaskId().equals("task-boat"));
        assertEquals("task-fjord", table().getItems().get(1).providerTaskId());
        assertEquals("task-corgi", table().getItems().get(2).providerTaskId());

        clickOn(lookup(".table-row-cell").nth(1).queryAs(Node.class));
        waitUntil(() -> vm.selectedTaskIdProperty().get() != null);
        assertEquals(idOf("task-fjord"), vm.selectedTaskIdProperty().get());
    }

    @Test
    void deleteAsksNamingTheTaskThenRemovesItFromLocalHistoryOnly() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        long corgi = idOf("task-corgi");
        interact(() -> view.taskTable().select(List.of(corgi)));
        clickOn(lookup(".table-row-cell").nth(2).queryAs(Node.class));
        type(KeyCode.DELETE);
        waitUntil(() -> lookup("Remove “Corgi astronaut on the moon” from local history?").tryQuery().isPresent());
        clickOn("Remove from history");
        waitUntil(() -> table().getItems().size() == 2);
        assertTrue(cache.tasks.byId(corgi).isEmpty());
        assertTrue(sync.calls.stream().noneMatch(c -> c.contains(Long.toString(corgi))));
    }

    @Test
    void cancellingTheConfirmationKeepsTheTasks() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        press(KeyCode.SHIFT).clickOn(lookup(".table-row-cell").nth(1).queryAs(Node.class)).release(KeyCode.SHIFT);
        type(KeyCode.DELETE);
        waitUntil(() -> lookup("Remove 2 tasks from local history?").tryQuery().isPresent());
        clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, cache.tasks.count(dev.reelwatch.store.TaskQuery.all()));
    }

    @Test
    void aTaskThatSucceedsShowsADesktopNotification() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        assertTrue(lookup(".notification-bar").tryQuery().isEmpty(), "nothing on the initial load");
        cache.put(cache.tasks.find(studio.id(), "task-boat").orElseThrow().task().toBuilder()
                .status(TaskStatus.SUCCEEDED).providerStatus(null).build());
        waitUntil(() -> lookup(".notification-bar").tryQuery().isPresent());
        assertTrue(lookup("Video ready").tryQuery().isPresent());
    }

    @Test
    void refreshAndFindShortcuts() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        type(KeyCode.F5);
        waitUntil(() -> sync.calls.contains("refreshNow"));
        press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitUntil(() -> view.filterBar().searchField().isFocused());
    }

    @Test
    void theColumnLayoutIsRememberedForTheNextWindow() throws Exception {
        waitUntil(() -> table().getItems().size() == 3);
        TableColumn<TaskRow, ?> model = table().getColumns().stream().filter(c -> "model".equals(c.getId()))
                .findFirst().orElseThrow();
        interact(() -> {
            model.setVisible(false);
            table().getColumns().remove(model);
            table().getColumns().add(0, model);
        });
        clickOn(lookup(".column-header").match(n -> "prompt".equals(n.getId())).queryAs(Node.class));
        waitUntil(() -> cache.settings.get("ui.tasks.columns").orElse("").startsWith("model:")
                && cache.settings.get("ui.tasks.columns").orElse("").endsWith("|prompt:a"));

        interact(() -> createView());
        TableColumn<TaskRow, ?> first = table().getColumns().get(0);
        assertEquals("model", first.getId());
        assertFalse(first.isVisible());
        assertEquals("prompt", table().getSortOrder().get(0).getId());
    }

    @Test
    void enterOpensTheDetailPaneAndCtrlEExportsTheSelection() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup(".table-row-cell").nth(1).queryAs(Node.class));
        type(KeyCode.ENTER);
        waitUntil(() -> detail.isFocused());

        clickOn(lookup(".table-row-cell").nth(1).queryAs(Node.class));
        press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil(() -> !exported.isEmpty());
        assertEquals(List.of(List.of(idOf("task-fjord"))), exported);
    }

    @Test
    void theTableFillsItsPaneWithoutAHorizontalScrollBar() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        BooleanSupplier fits = () -> {
            double sum = table().getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
            return sum <= table().getWidth() && sum >= table().getWidth() - 40;
        };
        waitUntil(fits);
        TableColumn<TaskRow, ?> prompt = table().getVisibleLeafColumns().stream()
                .filter(c -> "prompt".equals(c.getId())).findFirst().orElseThrow();
        double before = prompt.getWidth();
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);   // hide the detail pane
        waitUntil(() -> prompt.getWidth() > before + 200);
        waitUntil(fits);
    }

    @Test
    void theStatusBarShowsArchiveDownloadsInProgress() throws TimeoutException {
        java.util.concurrent.atomic.AtomicInteger downloads = new java.util.concurrent.atomic.AtomicInteger(2);
        interact(() -> vm.statusBar().followDownloads(downloads::get));
        waitUntil(() -> lookup("#activityText").queryAs(Label.class).getText().contains("Archiving 2 videos"));
        downloads.set(0);
        waitUntil(() -> !lookup("#activityText").queryAs(Label.class).getText().contains("Archiving"));
    }
}
