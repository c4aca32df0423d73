package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.media.MediaHooks;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task table over a real cache: the user's place and selection through store changes, live thumbnails. */
class TaskTableViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final int ROWS = 200;

    @TempDir
    Path dir;
    private TestCache cache;
    private ExecutorService background;
    private TaskListViewModel vm;
    private TaskTableView view;
    private Account studio;
    private Path image;

    /** Thumbnails as the media feature makes them: only for tasks whose video is archived. */
    private final MediaHooks media = new MediaHooks() {
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
            NONE.exportTasks(taskIds, owner);
        }

        @Override
        public void openContainingFolder(long taskId) {
            NONE.openContainingFolder(taskId);
        }

        @Override
        public CompletableFuture<Optional<Path>> thumbnailFile(long taskId) {
            return CompletableFuture.supplyAsync(() -> cache.tasks.byId(taskId)
                    .flatMap(StoredTask::localFile).map(f -> image), background);
        }
    };

    @Override
    public void start(Stage stage) throws Exception {
        cache = new TestCache(dir, new AdjustableClock(NOW));
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            tasks.add(TestCache.task(studio, "task-" + i, TaskStatus.RUNNING, "Prompt number " + i, "veo-3",
                    NOW.minusSeconds(60L * i)).toBuilder()
                    .outputs(List.of(TaskOutput.video(0, "http://127.0.0.1:9/v" + i + ".mp4"))).build());
        }
        cache.tasks.upsert(studio.id(), tasks);
        image = dir.resolve("thumb.png");
        ImageIO.write(new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
        background = Executors.newSingleThreadExecutor();
        vm = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.fx()),
                new RecordingSyncService(), new SettingsWriter(cache.settings, UiThread.direct()), background,
                UiThread.fx(), new RelativeTime(cache.clock));
        view = new TaskTableView(vm, media, ServerTaskDeleter.UNSUPPORTED, () -> { }, () -> { }, () -> { },
                new dev.reelwatch.ui.fixtures.RecordingDialogs());
        Scene scene = new Scene(view, 1100, 600);
        // The real theme, so every -rw-* colour the task list's stylesheet looks up resolves.
        dev.reelwatch.ui.theme.ThemeStylesheets.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        vm.reload();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        background.shutdownNow();
        cache.close();
    }

    private long idOf(String providerTaskId) {
        return cache.tasks.find(studio.id(), providerTaskId).orElseThrow().id();
    }

    private Task stored(String providerTaskId) {
        return cache.tasks.find(studio.id(), providerTaskId).orElseThrow().task();
    }

    private long topRowId() {
        return onFxThread(() -> view.table().getItems().get(view.firstVisibleIndex()).id());
    }

    @Test
    void searchesThatDropRowsAroundTheSelectedOneKeepItSelectedUntilOneHidesIt() {
        waitUntil("all rows", () -> view.table().getItems().size() == ROWS && view.firstVisibleIndex() >= 0);
        long picked = idOf("task-150");
        interact(() -> view.select(List.of(picked)));
        // Rows are newest first, task-0 at the top: each search drops runs of rows above and below task-150
        // (the table's own selection model shifts the selection wrongly there). Each is set on the FX thread,
        // so a failure in any of the table's listeners fails here too.
        for (String search : List.of("number 1", "number 15", "Prompt number 150", "number 1", "")) {
            int rows = onFxThread(() -> {
                vm.searchTextProperty().set(search);
                view.table().layout();
                return view.table().getItems().size();
            });
            assertEquals(vm.visibleRows().size(), rows);
            assertEquals(picked, onFxThread(() -> view.table().getSelectionModel().getSelectedItem().id()),
                    "selected after \"" + search + "\"");
            assertEquals(List.of(picked), vm.selectedIds(), "after \"" + search + "\"");
        }

        interact(() -> vm.searchTextProperty().set("Prompt number 199"));

        assertEquals(List.of(), vm.selectedIds(), "a search that hides the selected task clears the selection");
        assertEquals(List.of(), onFxThread(() -> List.copyOf(view.table().getSelectionModel().getSelectedItems())));
    }

    @Test
    void selectionAndScrollPositionSurviveAStatusChangeNewRowsAndAFilterTheTaskStopsMatching() {
        waitUntil("all rows", () -> view.table().getItems().size() == ROWS && view.firstVisibleIndex() >= 0);
        interact(() -> vm.showStatuses(Set.of(TaskStatus.RUNNING)));
        interact(() -> view.table().scrollTo(100));
        waitUntil("scrolled", () -> view.firstVisibleIndex() == 100);
        long top = topRowId();
        long picked = idOf("task-104");
        interact(() -> view.select(List.of(picked)));
        assertEquals(List.of(picked), vm.selectedIds());

        // One store page: the picked task succeeds (no longer "Running") and five newer tasks arrive on top.
        List<Task> page = new ArrayList<>();
        page.add(stored("task-104").toBuilder().status(TaskStatus.SUCCEEDED).progress(100).build());
        for (int i = 0; i < 5; i++) {
            page.add(TestCache.task(studio, "new-" + i, TaskStatus.RUNNING, "New " + i, "veo-3",
                    NOW.plusSeconds(i + 1)));
        }
        cache.tasks.upsert(studio.id(), page);

        waitUntil("new rows in", () -> vm.totalCountProperty().get() == ROWS + 5);
        waitUntil("the picked task shows its new status", () -> view.table().getSelectionModel().getSelectedItem() != null
                && view.table().getSelectionModel().getSelectedItem().status() == TaskStatus.SUCCEEDED);
        assertEquals(picked, onFxThread(() -> view.table().getSelectionModel().getSelectedItem().id()));
        assertEquals(List.of(picked), vm.selectedIds());
        assertEquals(top, topRowId(), "the row at the top of the view stayed there");

        // Moving on: the succeeded task leaves the "Running" list.
        long next = idOf("task-110");
        interact(() -> view.select(List.of(next)));
        waitUntil("pinned row gone", () -> vm.visibleIndexOf(picked) < 0);
        assertEquals(List.of(next), vm.selectedIds());
    }

    @Test
    void aThumbnailAppearsForATaskArchivedWhileTheWindowIsOpen() {
        waitUntil("rows", () -> view.table().getItems().size() == ROWS && view.firstVisibleIndex() >= 0);
        long first = onFxThread(() -> view.table().getItems().get(0).id());
        // Asked once already: no archived file, so no thumbnail (and the answer is remembered).
        waitUntil("thumbnail asked", () -> thumbnailOf(first) != null);
        assertTrue(onFxThread(() -> thumbnailOf(first).getImage() == null));

        long output = cache.tasks.byId(first).orElseThrow().outputs().get(0).id();
        cache.tasks.updateArchive(output, ArchiveState.ARCHIVED, dir.resolve("v.mp4").toString(), 10L, null,
                100, null);

        waitUntil("thumbnail shown", () -> thumbnailOf(first) != null && thumbnailOf(first).getImage() != null);
        assertNotNull(onFxThread(() -> thumbnailOf(first).getImage()));
    }

    /** The image view of the thumbnail cell in the row of this task, or null when that row is not on screen. */
    private ImageView thumbnailOf(long taskId) {
        for (Node n : view.table().lookupAll(".table-row-cell")) {
            if (n instanceof javafx.scene.control.TableRow<?> row && row.getItem() instanceof TaskRow r
                    && r.id() == taskId) {
                for (Node c : row.lookupAll(".image-view")) {
                    if (c instanceof ImageView iv) {
                        return iv;
                    }
                }
            }
        }
        return null;
    }
}
