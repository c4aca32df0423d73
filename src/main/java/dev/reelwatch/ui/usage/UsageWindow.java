package dev.reelwatch.ui.usage;

import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.FxWindows;
import javafx.stage.Stage;

import java.util.ResourceBundle;

/** The usage view in a tool window of its own (Esc or Ctrl+W closes it); closing it lets go of its ViewModel. */
public final class UsageWindow {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.usage.messages");

    private UsageWindow() {
    }

    public static Stage show(FxWindows windows, UsageViewModel vm, DialogService dialogs) {
        Stage stage = windows.toolWindow(TEXT.getString("window.title") + " — Reelwatch", new UsageView(vm, dialogs),
                1080, 760, vm::close);
        vm.reload();
        stage.show();
        return stage;
    }
}
