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
    private Stage stage;
    private final List<String> actions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Account studio;
    private Label detail;
    private final ProblemArea problems = new ProblemArea();
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
        this.stage = stage;
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
        vm = MainWindowFactory.model(cache.tasks, cache.accounts, cache.settings, sync,
                new StoreChangeRelay(cache.tasks, UiThread.fx()), () -> java.util.Optional.of(false),
                TestExecutors.fx(background), background, UiThread.fx(), cache.clock, problems);
        detail = new Label("detail");
        view = MainWindowFactory.view(vm, detail, new Label("welcome"), exports, () -> actions.add("add"),
                id -> actions.add("edit " + id), ServerTaskDeleter.UNSUPPORTED, dialogs);
        view.setOnAccounts(() -> actions.add("accounts"));
        view.setOnPreferences(() -> actions.add("preferences"));
        view.setAbout(new AboutInfo("Reelwatch", "1.2.3", dir, AboutInfo.bundledLibraries()));
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
        dialogs.confirmAnswer = true;
        type(KeyCode.DELETE);
        waitUntil(() -> dialogs.asked.stream().anyMatch(a -> a.startsWith("confirm: ")
                && a.contains("Remove “Corgi astronaut on the moon” from local history?")));
        waitUntil(() -> table().getItems().size() == 2);
        assertTrue(cache.tasks.byId(corgi).isEmpty());
        assertTrue(sync.calls.stream().noneMatch(c -> c.contains(Long.toString(corgi))));
    }

    @Test
    void cancellingTheConfirmationKeepsTheTasks() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        press(KeyCode.SHIFT).clickOn(lookup(".table-row-cell").nth(1).queryAs(Node.class)).release(KeyCode.SHIFT);
        dialogs.confirmAnswer = false;
        type(KeyCode.DELETE);
        waitUntil(() -> dialogs.asked.stream().anyMatch(a -> a.startsWith("confirm: ")
                && a.contains("Remove 2 tasks from local history?")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, cache.tasks.count(dev.reelwatch.store.TaskQuery.all()));
    }

    @Test
    void aTaskThatSucceedsShowsADesktopNotification() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        assertFalse(onFxThread(() -> view.notificationPane().isShowing()), "nothing on the initial load");
        cache.put(cache.tasks.find(studio.id(), "task-boat").orElseThrow().task().toBuilder()
                .status(TaskStatus.SUCCEEDED).providerStatus(null).build());
        waitUntil(() -> view.notificationPane().isShowing());
        assertTrue(onFxThread(() -> view.notificationPane().getText()).startsWith("Video ready"));

        // A second task finishing a moment later updates the same bar instead of stacking another.
        cache.put(cache.tasks.find(studio.id(), "task-corgi").orElseThrow().task().toBuilder()
                .status(TaskStatus.SUCCEEDED).error(null).build());
        waitUntil(() -> view.notificationPane().getText().startsWith("2 videos ready"));
        assertEquals(1, onFxThread(() -> lookup(".notification-bar").queryAll().size()));
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
        type(KeyCode.F9);   // hide the detail pane
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

    private javafx.scene.control.SplitPane split() {
        return lookup(".main-split").queryAs(javafx.scene.control.SplitPane.class);
    }

    private boolean detailShown() {
        return onFxThread(() -> split().getItems().stream().anyMatch(n -> n.getStyleClass().contains("detail-holder")));
    }

    @Test
    void f9HidesAndShowsTheDetailPaneAndTheChoiceIsRemembered() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        assertTrue(detailShown());
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        type(KeyCode.F9);
        waitUntil(() -> !detailShown());
        assertFalse(lookup("#detailToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        waitUntil(() -> "false".equals(cache.settings.get(MainViewModel.DETAIL_KEY).orElse("")));

        interact(() -> {
            stage.setScene(createView());
            vm.start();
        });
        waitUntil(() -> table().getItems().size() == 3);
        assertFalse(detailShown(), "a new window starts with the detail pane hidden, as left");
        clickOn("#detailToggle");
        waitUntil(this::detailShown);
        waitUntil(() -> "true".equals(cache.settings.get(MainViewModel.DETAIL_KEY).orElse("")));
    }

    @Test
    void theSidebarCollapsesGivingTheTableItsRoomAndIsRemembered() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        double before = onFxThread(() -> table().getWidth());
        clickOn("#sidebarToggle");
        waitUntil(() -> split().getItems().stream().noneMatch(n -> n.getStyleClass().contains("sidebar-scroll")));
        waitUntil(() -> table().getWidth() > before + 150);
        waitUntil(() -> "false".equals(cache.settings.get(MainViewModel.SIDEBAR_KEY).orElse("")));
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        waitUntil(() -> split().getItems().stream().anyMatch(n -> n.getStyleClass().contains("sidebar-scroll")));
    }

    @Test
    void f5SaysWhichAccountsAreCheckedUntilTheirPassesEnd() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        type(KeyCode.F5);
        waitUntil(() -> lookup("#activityText").queryAs(Label.class).getText().equals("Checking 1 account…"));
        waitUntil(() -> sync.calls.contains("refreshNow"));
        sync.publish(new dev.reelwatch.sync.SyncStatus(false, java.util.Map.of(studio.id(),
                new dev.reelwatch.core.AccountHealth(studio.id(), NOW, NOW, null, null, null, true, java.util.Map.of())),
                1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Checking 1 account…", lookup("#activityText").queryAs(Label.class).getText(),
                "still checking while the pass runs");
        sync.publish(new dev.reelwatch.sync.SyncStatus(false, java.util.Map.of(studio.id(),
                new dev.reelwatch.core.AccountHealth(studio.id(), NOW, NOW, null, null, null, false,
                        java.util.Map.of())), 0));
        waitUntil(() -> !lookup("#activityText").queryAs(Label.class).getText().contains("Checking"));
    }

    @Test
    void theMenusCarryTheirShortcutsAndOpenAccountsAndPreferences() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        javafx.scene.control.MenuBar bar = lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        java.util.Map<String, javafx.scene.control.MenuItem> items = new java.util.HashMap<>();
        bar.getMenus().forEach(m -> m.getItems().forEach(i -> items.put(i.getId(), i)));
        assertEquals("Ctrl+Shift+A", items.get("menu-accounts").getAccelerator().getDisplayText());
        assertEquals("Ctrl+E", items.get("menu-export").getAccelerator().getDisplayText());
        assertEquals("Ctrl+,", items.get("menu-preferences").getAccelerator().getDisplayText());
        assertEquals("F9", items.get("menu-showDetail").getAccelerator().getDisplayText());
        for (Shortcut s : Shortcut.values()) {
            if (s.inMenu()) {
                assertTrue(items.values().stream().anyMatch(i -> s.keys().equals(i.getAccelerator())),
                        s + " is on a menu item");
            }
        }
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> actions.contains("accounts"));
        press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
        waitUntil(() -> actions.contains("preferences"));
    }

    @Test
    void aboutTellsVersionDataDirectoryAndLicences() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn("Help");
        clickOn("About Reelwatch");
        waitUntil(() -> dialogs.asked.stream().anyMatch(a -> a.startsWith("info: ")));
        String text = dialogs.asked.stream().filter(a -> a.startsWith("info: ")).findFirst().orElseThrow();
        assertTrue(text.contains("Reelwatch 1.2.3"), text);
        assertTrue(text.contains(dir.toString()), text);
        for (String licence : List.of("ControlsFX — BSD 3-Clause", "GPLv2 with the Classpath Exception",
                "Jackson — Apache License 2.0", "sqlite-jdbc (Xerial) — Apache License 2.0",
                "picocli — Apache License 2.0")) {
            assertTrue(text.contains(licence), licence + " in " + text);
        }
    }

    @Test
    void f1ListsEveryShortcutAndEscClosesTheList() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup(".table-row-cell").nth(0).queryAs(Node.class));
        type(KeyCode.F1);
        waitUntil(() -> lookup("#shortcutsView").tryQuery().isPresent());
        Node list = lookup("#shortcutsView").query();
        for (Shortcut s : Shortcut.values()) {
            assertTrue(lookup(s.description()).tryQuery().isPresent(), s.description());
        }
        assertTrue(lookup("Ctrl+Shift+A").tryQuery().isPresent());
        javafx.stage.Window shortcuts = list.getScene().getWindow();
        type(KeyCode.ESCAPE);
        waitUntil(() -> !shortcuts.isShowing());
    }
}
