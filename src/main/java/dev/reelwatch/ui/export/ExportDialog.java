package dev.reelwatch.ui.export;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ResourceBundle;

/** The export progress window: a progress bar, what is happening, problems, and Cancel / Close. */
public final class ExportDialog {
    private final Stage stage = new Stage();

    public ExportDialog(ExportViewModel viewModel, Window owner) {
        ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.export.messages");
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("export-status");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label problems = new Label();
        problems.textProperty().bind(viewModel.problemsProperty());
        problems.setWrapText(true);
        problems.getStyleClass().add("export-problems");
        problems.visibleProperty().bind(viewModel.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        Button cancel = new Button(text.getString("export.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (viewModel.runningProperty().get()) {
                viewModel.cancel();
            } else {
                stage.close();
            }
        });
        cancel.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.runningProperty())
                .then(text.getString("export.cancel")).otherwise(text.getString("export.close")));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(10, status, bar, problems, new HBox(spacer, cancel));
        root.setPadding(new Insets(16));
        root.setPrefWidth(440);
        root.getStyleClass().add("export-dialog");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(ExportDialog.class.getResource("export.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(text.getString("export.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnCloseRequest(e -> viewModel.cancel());
    }

    public void show() {
        stage.show();
    }
}
