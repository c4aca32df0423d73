package dev.reelwatch.ui.theme;

import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/**
 * Puts Reelwatch's stylesheets on a scene: base.css for shapes and spacing, light.css or dark.css for the
 * looked-up colours (-rw-bg, -rw-fg, -rw-accent, …) that every other stylesheet uses.
 */
public final class ThemeStylesheets {
    private static final String BASE = url("base.css");
    private static final String LIGHT = url("light.css");
    private static final String DARK = url("dark.css");

    private ThemeStylesheets() {
    }

    /** Applies the theme now and whenever {@code theme} switches between light and dark. */
    public static void follow(Scene scene, ThemeViewModel theme) {
        apply(scene, theme.darkProperty().get());
        theme.darkProperty().addListener((obs, was, now) -> apply(scene, now));
    }

    public static void apply(Scene scene, boolean dark) {
        List<String> ours = List.of(BASE, LIGHT, DARK);
        scene.getStylesheets().removeAll(ours);
        scene.getStylesheets().addAll(0, List.of(dark ? DARK : LIGHT, BASE));
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    private static String url(String name) {
        return Objects.requireNonNull(ThemeStylesheets.class.getResource(name), name).toExternalForm();
    }
}
