package dev.reelwatch.ui.usage;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ResourceBundle;
import java.util.function.Consumer;

/** The usage view in a window of its own; closing it lets go of its ViewModel. */
public final class UsageWindow {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.usage.messages");

    private UsageWindow() {
    }

    /**
     * @param theme puts the app's stylesheets on the new scene (and keeps them following the theme)
     */
    public static Stage show(Window owner, UsageViewModel vm, Consumer<Scene> theme) {
        Stage stage = new Stage();
        stage.setTitle(TEXT.getString("window.title") + " — Reelwatch");
        if (owner instanceof Stage o) {
            stage.getIcons().setAll(o.getIcons());
        }
        Scene scene = new Scene(new UsageView(vm), 1080, 760);
        theme.accept(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.close());
        vm.reload();
        stage.show();
        return stage;
    }
}
