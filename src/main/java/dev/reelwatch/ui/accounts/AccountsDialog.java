package dev.reelwatch.ui.accounts;

import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.FxWindows;
import javafx.stage.Stage;

import java.util.ResourceBundle;
import java.util.function.Function;

/** Opens the accounts dialog as a window of its own, modal to the main window, with the current theme. */
public final class AccountsDialog {
    private final Function<DialogService, AccountsViewModel> models;
    private final FxWindows windows;
    private final DialogService dialogs;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.accounts.messages");

    /** @param models makes a fresh ViewModel for each opening (over the app's stores, tester and poller) */
    public AccountsDialog(Function<DialogService, AccountsViewModel> models, FxWindows windows,
                          DialogService dialogs) {
        this.models = models;
        this.windows = windows;
        this.dialogs = dialogs;
    }

    /**
     * Shows the dialog and returns at once (not modal-blocking, so callers on the FX thread are not held).
     *
     * @param accountIdOrNull the account to edit, or null to start adding a new one
     */
    public Stage show(Long accountIdOrNull) {
        AccountsViewModel model = models.apply(dialogs);
        AccountsView view = new AccountsView(model, dialogs);
        // Wide enough for the labels and a wrapped test result; tall enough for the whole form, plain-HTTP
        // warning included; FxWindows keeps it on a 1366x768 screen.
        Stage stage = windows.modalWindow(text.getString("dialog.title"), view, 900, 680);
        stage.setMinWidth(640);
        stage.setMinHeight(440);
        view.closeButton().setOnAction(e -> stage.close());
        model.reload(accountIdOrNull);
        stage.show();
        return stage;
    }
}
