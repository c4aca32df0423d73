package dev.reelwatch.ui.notify;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

import java.util.ResourceBundle;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Shows the ViewModel's notices. While the window has the focus: in the window's ControlsFX notification bar,
 * one at a time, a later notice of the same burst updating it in place (so nothing ever stacks past the
 * window's edge). While it is in the background and the OS has notifications: one OS notification per burst,
 * sent once the burst has been quiet for a moment, so a catch-up sync makes one popup, not ten.
 */
public final class DesktopNotifier {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.notify.messages");
    static final Duration SHOWN_FOR = Duration.seconds(7);
    /** How long a burst must be quiet before the OS is told about it. */
    static final Duration OS_SETTLE = Duration.seconds(2);

    private final NotificationPane pane;
    private final Supplier<Window> owner;
    private final BooleanSupplier dark;
    private final Consumer<Long> onClick;
    private final OsNotifier os;
    private final PauseTransition hideLater = new PauseTransition(SHOWN_FOR);
    private final PauseTransition osLater = new PauseTransition(OS_SETTLE);
    private final Button showTask = new Button(TEXT.getString("show"));
    private TaskNotice shown;
    private TaskNotice osPending;

    /**
     * @param pane  the notification bar over the window's content
     * @param os    the OS notifications (use {@link OsNotifier#NONE} where there are none)
     */
    public DesktopNotifier(TaskNotificationsViewModel vm, NotificationPane pane, Supplier<Window> owner,
                           BooleanSupplier dark, Consumer<Long> onClick, OsNotifier os) {
        this.pane = pane;
        this.owner = owner;
        this.dark = dark;
        this.onClick = onClick;
        this.os = os;
        pane.setShowFromTop(false);
        pane.setCloseButtonVisible(true);
        showTask.setOnAction(e -> {
            if (shown != null && shown.taskId() != null) {
                onClick.accept(shown.taskId());
            }
            pane.hide();
        });
        showTask.setMinWidth(Region.USE_PREF_SIZE);
        hideLater.setOnFinished(e -> pane.hide());
        osLater.setOnFinished(e -> sendToOs());
        vm.addListener(this::show);
    }

    private void show(TaskNotice notice) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        if (!window.isFocused() && os.available()) {
            osPending = notice;
            osLater.playFromStart();
            return;
        }
        shown = notice;
        pane.getStyleClass().removeAll(NotificationPane.STYLE_CLASS_DARK, "notify-failure", "notify-success");
        if (dark.getAsBoolean()) {
            pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        }
        pane.getStyleClass().add(notice.failure() ? "notify-failure" : "notify-success");
        String message = notice.title() + (notice.text().isEmpty() ? "" : "\n" + notice.text());
        pane.getActions().clear();
        showTask.setVisible(notice.taskId() != null);
        pane.setGraphic(notice.taskId() != null ? showTask : null);
        // show() on a showing pane only swaps its text: the bar updates in place instead of stacking.
        pane.show(message);
        hideLater.playFromStart();
    }

    private void sendToOs() {
        TaskNotice n = osPending;
        osPending = null;
        if (n != null) {
            os.show(n.title(), n.text(), n.failure());
        }
    }

    /** The notice in the window's bar now (null when none was shown yet). */
    public TaskNotice shownNotice() {
        return shown;
    }
}
