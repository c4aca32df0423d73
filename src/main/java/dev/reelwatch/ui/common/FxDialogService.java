package dev.reelwatch.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The desktop's {@link DialogService}: every dialog is owned by (and so centred on) the current window, carries
 * that window's theme stylesheets, wraps long text and closes with Esc. Call on the FX thread.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    /** @param owner the window dialogs belong to now (may answer null before the main window shows) */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String details, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", yes, ButtonType.CANCEL);
        prepare(alert, title, message, details);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial == null ? "" : initial);
        prepare(dialog, title, message, null);
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        prepare(alert, title, message, details);
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        prepare(alert, title, message, null);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        existing(initial).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFile(String title, Path initial, List<String> extensions) {
        FileChooser chooser = fileChooser(title, initial, extensions);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialFolder, String suggestedName,
                                         List<String> extensions) {
        FileChooser chooser = fileChooser(title, initialFolder, extensions);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser fileChooser(String title, Path initial, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        existing(initial).ifPresent(chooser::setInitialDirectory);
        if (!extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(String.join(", ", extensions),
                    extensions));
        }
        return chooser;
    }

    private static Optional<File> existing(Path folder) {
        return Optional.ofNullable(folder).filter(Files::isDirectory).map(Path::toFile);
    }

    /** Owner, theme, wrapped header text and an optional selectable details area. */
    private void prepare(Dialog<?> dialog, String title, String message, String details) {
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(message);
        dialog.getDialogPane().setMinWidth(420);
        dialog.getDialogPane().setMaxWidth(640);
        if (details != null && !details.isBlank()) {
            TextArea area = new TextArea(details);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount(Math.min(12, (int) details.lines().count() + 1));
            area.getStyleClass().add("dialog-details");
            dialog.getDialogPane().setExpandableContent(area);
            dialog.getDialogPane().setExpanded(details.length() < 400);
        }
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
            Scene scene = window.getScene();
            if (scene != null) {
                dialog.getDialogPane().getStylesheets().setAll(scene.getStylesheets());
                dialog.getDialogPane().getStyleClass().addAll(scene.getRoot().getStyleClass().stream()
                        .filter(c -> c.startsWith("theme-")).toList());
            }
        }
    }
}
