package dev.reelwatch.ui.library;

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
import dev.reelwatch.ui.main.MainView;
import dev.reelwatch.ui.main.MainViewModel;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskRow;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starring, tagging and noting tasks, and filtering by them, driven like a person would over a real cache. */
class LibraryViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private ExecutorService background;
    private MainViewModel vm;
    private MainView view;
    private TaskLibraryViewModel library;
    private Account studio;

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
        background = Executors.newSingleThreadExecutor();
        StoreChangeRelay relay = new StoreChangeRelay(cache.tasks, UiThread.fx());
        vm = dev.reelwatch.ui.main.MainWindowFactory.model(cache.tasks, cache.accounts, cache.settings, new RecordingSyncService(), relay,
                () -> java.util.Optional.of(false), TestExecutors.fx(background), background, UiThread.fx(),
                cache.clock, new ProblemArea());
        library = new TaskLibraryViewModel(cache.tasks, relay, TestExecutors.fx(background));
        library.taskIdProperty().bind(vm.selectedTaskIdProperty());
        view = dev.reelwatch.ui.main.MainWindowFactory.view(vm, new BorderPane(new TaskLibraryView(library)), new Label("welcome"), MediaHooks.NONE,
                () -> { }, id -> { }, ServerTaskDeleter.UNSUPPORTED, new RecordingDialogs());
        Scene scene = view.createScene();
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.start();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        org.testfx.api.FxToolkit.cleanupStages();
        library.close();
        background.shutdownNow();
        cache.close();
    }

    @Test
    void aStarClickedInTheDetailPaneIsKeptAndTheStarredLineFiltersToIt() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup("Aerial shot over a fjord").<Node>query());
        waitUntil(() -> library.shownProperty().get());
        clickOn("#library-star");

        long fjord = idOf("task-fjord");
        waitUntil(() -> cache.tasks.byId(fjord).orElseThrow().starred());
        clickOn("#sidebar-starred");
        waitUntil(() -> table().getItems().size() == 1);
        assertEquals("task-fjord", table().getItems().get(0).providerTaskId());
        assertEquals("1", ((Label) lookup("#sidebar-starred .count").query()).getText());

        clickOn("#sidebar-all");
        waitUntil(() -> table().getItems().size() == 3);
    }

    @Test
    void theStarColumnShownFromTheColumnMenuTogglesStars() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        interact(() -> table().getColumns().stream().filter(c -> "star".equals(c.getId())).findFirst().orElseThrow()
                .setVisible(true));
        long corgi = idOf("task-corgi");
        clickOn(starOf(corgi));
        waitUntil(() -> cache.tasks.byId(corgi).orElseThrow().starred());
        waitUntil(() -> vm.tasks().starredCountProperty().get() == 1);
        clickOn(starOf(corgi));
        waitUntil(() -> !cache.tasks.byId(corgi).orElseThrow().starred());
    }

    @Test
    void aTagAddedInTheDetailPaneAppearsInTheSidebarWithItsCountAndFilters() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup("Corgi astronaut on the moon").<Node>query());
        waitUntil(() -> library.shownProperty().get());

        clickOn("#library-add-tag").write("Client Work").type(KeyCode.ENTER);
        long corgi = idOf("task-corgi");
        waitUntil(() -> cache.tasks.byId(corgi).orElseThrow().tags().equals(List.of("client work")));
        waitUntil(() -> lookup("#sidebar-tag-client_work").tryQuery().isPresent());
        clickOn("#sidebar-tag-client_work");
        waitUntil(() -> table().getItems().size() == 1);
        assertEquals("task-corgi", table().getItems().get(0).providerTaskId());

        // Removing the tag with its chip's × takes the sidebar line away; the selected task stays in the list
        // (it no longer matches, but the user is still on it) until the user moves on.
        clickOn(".tag-remove");
        waitUntil(() -> cache.tasks.byId(corgi).orElseThrow().tags().isEmpty());
        waitUntil(() -> lookup("#sidebar-tag-client_work").tryQuery().isEmpty());
        assertEquals(List.of("task-corgi"), table().getItems().stream().map(r -> r.providerTaskId()).toList());
        interact(() -> table().getSelectionModel().clearSelection());
        waitUntil(() -> table().getItems().isEmpty());
    }

    @Test
    void aNoteTypedAndLeftIsSavedAndFoundBySearch() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn(lookup("A paper boat drifting").<Node>query());
        waitUntil(() -> library.shownProperty().get());

        clickOn("#library-note").write("Use for the intro");
        press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        long boat = idOf("task-boat");
        waitUntil(() -> "Use for the intro".equals(cache.tasks.byId(boat).orElseThrow().note()));

        clickOn("#searchField").write("intro");
        waitUntil(() -> table().getItems().size() == 1);
        assertEquals("task-boat", table().getItems().get(0).providerTaskId());
    }

    @Test
    void theGalleryShowsTheSameFilteredRowsAndSharesTheSelection() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn("#galleryToggle");
        waitUntil(() -> view.gallery().isVisible() && !view.taskTable().isVisible());
        assertEquals(3, view.gallery().grid().getItems().size());

        long fjord = idOf("task-fjord");
        clickOn("#gallery-tile-" + fjord);
        waitUntil(() -> vm.tasks().selectedIds().equals(List.of(fjord)));
        long corgi = idOf("task-corgi");
        press(KeyCode.CONTROL).clickOn("#gallery-tile-" + corgi).release(KeyCode.CONTROL);
        waitUntil(() -> vm.tasks().selectedIds().equals(List.of(fjord, corgi)), () -> "selected: " + vm.tasks().selectedIds() + " fjord " + fjord + " corgi " + corgi);
        assertTrue(lookup("#gallery-tile-" + fjord).query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("selected")));

        clickOn("#sidebar-failed");
        waitUntil(() -> view.gallery().grid().getItems().size() == 1);

        clickOn("#galleryToggle");
        waitUntil(() -> view.taskTable().isVisible());
        assertEquals(List.of(corgi), view.taskTable().selectedIds(), "the table keeps what the filter still shows");
    }

    @Test
    void theGalleryCardsSpreadOverTheWholeWidthLeavingNoEmptyBandOnTheRight() throws TimeoutException {
        waitUntil(() -> table().getItems().size() == 3);
        clickOn("#galleryToggle");
        waitUntil(() -> view.gallery().isVisible() && !lookup(".gallery-tile").queryAll().isEmpty());
        for (double width : new double[]{1280, 1100, 960}) {
            interact(() -> view.getScene().getWindow().setWidth(width));
            waitUntil(() -> Math.abs(view.getScene().getWidth() - width) < 1);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            double[] edges = onFxThread(() -> {
                var grid = view.gallery().grid();
                double cardsRight = lookup(".gallery-tile").queryAll().stream()
                        .filter(Node::isVisible)
                        .mapToDouble(n -> n.localToScene(n.getLayoutBounds()).getMaxX()).max().orElseThrow();
                double gridRight = grid.localToScene(grid.getLayoutBounds()).getMaxX() - grid.snappedRightInset();
                return new double[]{cardsRight, gridRight, grid.getHorizontalCellSpacing()};
            });
            // Right of the last card: its own spacing, the scroll bar's room and rounding, never another card's worth.
            assertTrue(edges[1] - edges[0] <= edges[2] + 16 + 8, "at " + width + " px the cards end at " + edges[0]
                    + ", the gallery at " + edges[1] + " (spacing " + edges[2] + ")");
            assertTrue(edges[0] <= edges[1] + 0.5, "no card is cut at " + width + " px");
        }
    }

    private void waitUntil(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        try {
            waitUntil(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out; " + what.get(), e);
        }
    }

    /** The star button in the table row of this task. */
    private Node starOf(long taskId) {
        Node row = lookup(".table-row-cell").match((javafx.scene.control.TableRow<TaskRow> r) ->
                r.getItem() != null && r.getItem().id() == taskId).query();
        return from(row).lookup(".star-toggle").query();
    }

    private TableView<TaskRow> table() {
        return view.taskTable().table();
    }

    private long idOf(String providerTaskId) {
        return cache.tasks.find(studio.id(), providerTaskId).orElseThrow().id();
    }
}
