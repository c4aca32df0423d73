package dev.reelwatch.ui.accounts;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/** Opens the accounts dialog as a window of its own, modal to the main window, with the main window's theme. */
public final class AccountsDialog {
    private final Supplier<AccountsViewModel> models;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.accounts.messages");

    /** @param models makes a fresh ViewModel for each opening (over the app's stores, tester and poller) */
    public AccountsDialog(Supplier<AccountsViewModel> models) {
        this.models = models;
    }

    /**
     * Shows the dialog and returns at once (not modal-blocking, so callers on the FX thread are not held).
     *
     * @param owner             the main window; its stylesheets (theme) are applied to the dialog; may be null
     * @param accountIdOrNull   the account to edit, or null to start adding a new one
     */
    public Stage show(Window owner, Long accountIdOrNull) {
        AccountsViewModel model = models.get();
        AccountsView view = new AccountsView(model);
        Stage stage = new Stage();
        stage.setTitle(text.getString("dialog.title"));
        // Tall enough for the whole form, plain-HTTP warning included, on a 768-pixel screen.
        Scene scene = new Scene(view, 860, 640);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
        }
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(440);
        view.closeButton().setOnAction(e -> stage.close());
        model.reload(accountIdOrNull);
        stage.show();
        return stage;
    }
}
