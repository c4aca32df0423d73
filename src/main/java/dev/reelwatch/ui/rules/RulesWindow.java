package dev.reelwatch.ui.rules;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ResourceBundle;
import java.util.function.Consumer;

/** The Rules page in a window of its own, until the Preferences window takes it as a page. */
public final class RulesWindow {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.rules.messages");

    private RulesWindow() {
    }

    /** @param theme puts the app's stylesheets on the new scene (and keeps them following the theme) */
    public static Stage show(Window owner, RulesViewModel vm, Consumer<Scene> theme) {
        Stage stage = new Stage();
        stage.setTitle(TEXT.getString("window.title") + " — Reelwatch");
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        stage.initOwner(owner);
        Scene scene = new Scene(new RulesView(vm), 960, 720);
        theme.accept(scene);
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(520);
        vm.reload();
        stage.show();
        return stage;
    }
}
