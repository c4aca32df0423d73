package dev.reelwatch.ui.notify;

import dev.reelwatch.core.TaskStatus;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Shows the ViewModel's notices as ControlsFX notifications in the corner of the main window's screen. */
public final class DesktopNotifier {
    private final Supplier<Window> owner;
    private final BooleanSupplier dark;
    private final Consumer<Long> onClick;

    public DesktopNotifier(TaskNotificationsViewModel vm, Supplier<Window> owner, BooleanSupplier dark,
                           Consumer<Long> onClick) {
        this.owner = owner;
        this.dark = dark;
        this.onClick = onClick;
        vm.addListener(this::show);
    }

    private void show(TaskNotice notice) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        Notifications n = Notifications.create()
                .title(notice.title())
                .text(notice.text())
                .owner(window)
                .hideAfter(Duration.seconds(6))
                .onAction(e -> {
                    if (notice.taskId() != null) {
                        onClick.accept(notice.taskId());
                    }
                });
        if (dark.getAsBoolean()) {
            n = n.darkStyle();
        }
        if (notice.status() == TaskStatus.SUCCEEDED) {
            n.showInformation();
        } else {
            n.showError();
        }
    }
}
