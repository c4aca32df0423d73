package dev.reelwatch.ui.media;

import dev.reelwatch.ui.common.FxWindows;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The export progress and results window: a progress bar, what is happening, the full texts of any problems
 * (selectable, wrapped: a provider's error is worth copying into a bug report), and Cancel / Close.
 */
public final class ExportDialog {
    private final Stage stage;

    public ExportDialog(ExportViewModel viewModel, FxWindows windows) {
        ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.media.messages");
        Label status = new Label();
        status.setId("export-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("export-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        TextArea problems = new TextArea();
        problems.setId("export-problems");
        problems.textProperty().bind(viewModel.problemsProperty());
        problems.setEditable(false);
        problems.setWrapText(true);
        problems.setPrefRowCount(6);
        problems.getStyleClass().add("export-problems");
        problems.visibleProperty().bind(viewModel.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        VBox.setVgrow(problems, Priority.ALWAYS);
        Button cancel = new Button(text.getString("export.cancel"));
        cancel.setId("export-cancel");
        cancel.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(10, status, bar, problems, new HBox(spacer, cancel));
        root.setPadding(new Insets(16));
        root.getStyleClass().add("export-dialog");
        root.getStylesheets().add(Objects.requireNonNull(ExportDialog.class.getResource("export.css"))
                .toExternalForm());
        stage = windows.modalWindow(text.getString("export.title"), root, 520, 320);
        cancel.setOnAction(e -> {
            if (viewModel.runningProperty().get()) {
                viewModel.cancel();
            } else {
                stage.close();
            }
        });
        cancel.textProperty().bind(Bindings.when(viewModel.runningProperty())
                .then(text.getString("export.cancel")).otherwise(text.getString("export.close")));
        stage.setOnCloseRequest(e -> viewModel.cancel());
    }

    public void show() {
        stage.show();
    }
}
