package dev.reelwatch.ui.compare;

import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.player.PlayerViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens "Compare…": reads the chosen tasks off the FX thread, keeps the succeeded ones, and shows them side
 * by side in a window of their own; closing the window frees its players.
 */
public final class CompareWindow {
    private final TaskStore tasks;
    private final Supplier<PlayerViewModel> players;
    private final Executor background;
    private final Executor ui;
    private final ZoneId zone;
    private final Consumer<Scene> theme;

    public CompareWindow(TaskStore tasks, Supplier<PlayerViewModel> players, Executor background, Executor ui,
                         ZoneId zone, Consumer<Scene> theme) {
        this.tasks = tasks;
        this.players = players;
        this.background = background;
        this.ui = ui;
        this.zone = zone;
        this.theme = theme;
    }

    /** Compares these tasks (in this order) when at least two of them succeeded; otherwise does nothing. */
    public void open(List<Long> taskIds, Window owner) {
        List<Long> ids = List.copyOf(taskIds);
        background.execute(() -> {
            List<StoredTask> found = new ArrayList<>();
            for (Long id : ids) {
                Optional<StoredTask> t = tasks.byId(id);
                t.filter(s -> s.task().status() == dev.reelwatch.core.TaskStatus.SUCCEEDED).ifPresent(found::add);
            }
            if (found.size() >= 2) {
                ui.execute(() -> show(new CompareViewModel(found, players, zone), owner));
            }
        });
    }

    /** Shows a ready ViewModel in a new window (also used by tests). */
    public Stage show(CompareViewModel vm, Window owner) {
        Stage stage = new Stage();
        stage.setTitle(vm.title() + " — Reelwatch");
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        CompareView view = new CompareView(vm);
        Scene scene = new Scene(view, Math.min(1500, 360 + 380.0 * vm.tasks().size()), 860);
        theme.accept(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        stage.show();
        view.requestFocus();
        return stage;
    }
}
