package dev.reelwatch.ui.common;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The desktop's {@link DialogService}: every dialog is owned by and centred on the current window, sized to
 * its content within the screen (1366x768 included), carries the current theme, wraps long text, shows details
 * selectable and closes with Esc. Call on the FX thread.
 */
public final class FxDialogService implements DialogService {
    static final double MIN_WIDTH = 420;
    static final double MAX_WIDTH = 640;
    private final Supplier<Window> owner;
    private final Consumer<Scene> theme;

    /** Dialogs owned by the windows' owner, themed as its windows are. */
    public FxDialogService(FxWindows windows) {
        this.owner = windows::owner;
        this.theme = windows::theme;
    }

    /** @param owner the window dialogs belong to now (may answer null before the main window shows); its
     *               scene's stylesheets and theme class are carried over */
    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
        this.theme = scene -> {
            Window window = owner.get();
            if (window != null && window.getScene() != null) {
                scene.getStylesheets().setAll(window.getScene().getStylesheets());
                scene.getRoot().getStyleClass().addAll(window.getScene().getRoot().getStyleClass().stream()
                        .filter(c -> c.startsWith("theme-")).toList());
            }
        };
    }

    @Override
    public boolean confirm(String title, String message, String details, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", yes, ButtonType.CANCEL);
        prepare(alert, title, message, details);
        return showBlocking(alert).filter(yes::equals).isPresent();
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial == null ? "" : initial);
        prepare(dialog, title, message, null);
        return showBlocking(dialog).map(String::strip).filter(s -> !s.isEmpty());
    }

    @Override
    public void showError(String title, String message, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        prepare(alert, title, message, details);
        showBlocking(alert);
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        // Information blocks nothing: not modal, so the owner is not disabled — on Linux JavaFX 21 pins a disabled
        // window's size and the window manager un-maximises it (JDK-8332222; Help → About did that under openbox).
        alert.initModality(Modality.NONE);
        prepare(alert, title, message, null);
        alert.showAndWait();
    }

    /** Waits for the answer; the owner takes no input meanwhile (see {@link OwnerBlock} for how, on Linux). */
    private <R> Optional<R> showBlocking(Dialog<R> dialog) {
        Window window = owner.get();
        if (!OwnerBlock.replacesModality(window)) {
            return dialog.showAndWait();
        }
        dialog.initModality(Modality.NONE);
        Runnable unblock = OwnerBlock.block(window);
        try {
            return dialog.showAndWait();
        } finally {
            unblock.run();
        }
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

    /** Owner, theme, wrapped text within the screen, an optional selectable details area, centring. */
    private void prepare(Dialog<?> dialog, String title, String message, String details) {
        Window window = owner.get();
        Rectangle2D area = FxWindows.screenOf(window);
        DialogPane pane = dialog.getDialogPane();
        dialog.setTitle(title);
        dialog.setHeaderText(null);
        dialog.setContentText(message);
        dialog.setResizable(true);
        pane.getStyleClass().add("rw-dialog");
        pane.setMinWidth(Math.min(MIN_WIDTH, area.getWidth() - FxWindows.SCREEN_MARGIN));
        pane.setMaxWidth(Math.min(MAX_WIDTH, area.getWidth() - FxWindows.SCREEN_MARGIN));
        pane.setMaxHeight(area.getHeight() - FxWindows.SCREEN_MARGIN);
        // Alert's own label is fixed to one preferred width; let the text wrap within the dialog instead.
        if (pane.lookup(".content") instanceof Label content) {
            content.setWrapText(true);
            content.setMinHeight(Region.USE_PREF_SIZE);
        }
        if (details != null && !details.isBlank()) {
            TextArea text = new TextArea(details);
            text.setEditable(false);
            text.setWrapText(true);
            text.setPrefRowCount((int) Math.min(12, details.lines().count() + 1));
            text.getStyleClass().add("dialog-details");
            pane.setExpandableContent(text);
            pane.setExpanded(details.length() < 400);
        }
        if (window != null) {
            dialog.initOwner(window);
        }
        theme.accept(pane.getScene());
        // The minimum as a hint to the window manager too: openbox mapped dialogs 200 px wide and kept them so.
        dialog.setOnShowing(e -> {
            if (pane.getScene().getWindow() instanceof javafx.stage.Stage s) {
                s.setMinWidth(pane.getMinWidth());
            }
        });
        dialog.setOnShown(e -> {
            Window shown = pane.getScene().getWindow();
            FxWindows.centreOn(shown, window, area);
            FxWindows.holdSize(shown, () -> FxWindows.centreOn(shown, window, area));
        });
    }
}
