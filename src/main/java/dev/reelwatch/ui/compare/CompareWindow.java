package dev.reelwatch.ui.compare;

import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import javafx.stage.Stage;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens "Compare…": reads the chosen tasks off the FX thread, keeps the succeeded ones, and shows them side
 * by side in a tool window of their own (Esc or Ctrl+W closes it); closing the window frees its players.
 */
public final class CompareWindow {
    private final TaskStore tasks;
    private final Supplier<PlayerViewModel> players;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final FxWindows windows;

    public CompareWindow(TaskStore tasks, Supplier<PlayerViewModel> players, TaskExecutor executor, ZoneId zone,
                         FxWindows windows) {
        this.tasks = tasks;
        this.players = players;
        this.executor = executor;
        this.zone = zone;
        this.windows = windows;
    }

    /** Compares these tasks (in this order) when at least two of them succeeded; otherwise does nothing. */
    public void open(List<Long> taskIds) {
        List<Long> ids = List.copyOf(taskIds);
        BackgroundTask.wrap(() -> {
            List<StoredTask> found = new ArrayList<>();
            for (Long id : ids) {
                Optional<StoredTask> t = tasks.byId(id);
                t.filter(s -> s.task().status() == dev.reelwatch.core.TaskStatus.SUCCEEDED).ifPresent(found::add);
            }
            return found;
        }).describedAs("Reading the tasks to compare")
                .onSuccess(found -> {
                    if (found.size() >= 2) {
                        show(new CompareViewModel(found, players, zone));
                    }
                })
                .executeWith(executor);
    }

    /** Shows a ready ViewModel in a new window (also used by tests). */
    public Stage show(CompareViewModel vm) {
        CompareView view = new CompareView(vm);
        Stage stage = windows.toolWindow(vm.title() + " — Reelwatch", view,
                Math.min(1500, 360 + 380.0 * vm.tasks().size()), 860, vm::close);
        stage.show();
        view.requestFocus();
        return stage;
    }
}
