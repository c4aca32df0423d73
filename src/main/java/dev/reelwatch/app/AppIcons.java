package dev.reelwatch.app;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** The app's icon in the sizes window managers, taskbars and docks pick from: pass it to Stage.getIcons(). */
public final class AppIcons {
    /** Pixel sizes shipped as resources; rendered by packaging/icons/render-icons.sh. */
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** Loads every size, smallest first; fails loudly if a resource is missing or unreadable. */
    public static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.size());
        for (int size : SIZES) {
            String name = "icons/reelwatch-" + size + ".png";
            URL url = AppIcons.class.getResource(name);
            if (url == null) {
                throw new IllegalStateException("App icon resource missing: " + name);
            }
            Image icon = new Image(url.toExternalForm());
            if (icon.isError()) {
                throw new IllegalStateException("App icon resource unreadable: " + name, icon.getException());
            }
            icons.add(icon);
        }
        return List.copyOf(icons);
    }
}
