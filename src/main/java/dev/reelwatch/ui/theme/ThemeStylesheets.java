package dev.reelwatch.ui.theme;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/**
 * Puts Reelwatch's stylesheets on a scene: base.css for shapes and spacing, icons.css for the icons, light.css
 * or dark.css for the looked-up colours (-rw-bg, -rw-fg, -rw-accent, …) that every other stylesheet uses.
 */
public final class ThemeStylesheets {
    private static final String BASE = url("base.css");
    private static final String ICONS = url("icons.css");
    private static final String LIGHT = url("light.css");
    private static final String DARK = url("dark.css");

    private ThemeStylesheets() {
    }

    /**
     * Applies the theme now and whenever {@code theme} switches between light and dark, for as long as the
     * scene lives: the listener is held by the scene, so a closed dialog's scene is not kept by the theme.
     */
    public static void follow(Scene scene, ThemeViewModel theme) {
        apply(scene, theme.darkProperty().get());
        ChangeListener<Boolean> switcher = (obs, was, now) -> apply(scene, now);
        scene.getProperties().put(ThemeStylesheets.class, switcher);
        theme.darkProperty().addListener(new WeakChangeListener<>(switcher));
    }

    public static void apply(Scene scene, boolean dark) {
        List<String> ours = List.of(BASE, ICONS, LIGHT, DARK);
        scene.getStylesheets().removeAll(ours);
        scene.getStylesheets().addAll(0, List.of(dark ? DARK : LIGHT, BASE, ICONS));
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    private static String url(String name) {
        return Objects.requireNonNull(ThemeStylesheets.class.getResource(name), name).toExternalForm();
    }
}
