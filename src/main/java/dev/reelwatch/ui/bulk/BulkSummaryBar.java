package dev.reelwatch.ui.bulk;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The strip under the task list for a batch: one progress bar while it runs, then one summary line with its
 * details a click away and, for removals, an Undo that stays for {@link #UNDO_SECONDS} seconds.
 */
public final class BulkSummaryBar extends VBox {
    /** How long Undo is offered. */
    public static final double UNDO_SECONDS = 10;
    private static final ResourceBundle TEXT = BulkActionsViewModel.TEXT;

    private final BulkActionsViewModel vm;
    private final ListView<String> details = new ListView<>();
    private final PauseTransition undoTimer = new PauseTransition(Duration.seconds(UNDO_SECONDS));

    public BulkSummaryBar(BulkActionsViewModel vm) {
        this.vm = vm;
        setId("bulkBar");
        getStyleClass().add("bulk-bar");
        getStylesheets().add(Objects.requireNonNull(
                BulkSummaryBar.class.getResource("/dev/reelwatch/ui/bulk/bulk.css")).toExternalForm());

        ProgressBar bar = new ProgressBar();
        bar.setId("bulkProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(220);
        Label progressText = new Label();
        progressText.setId("bulkProgressText");
        progressText.textProperty().bind(vm.progressTextProperty());
        Button cancel = new Button(TEXT.getString("bar.cancel"));
        cancel.setId("bulkCancel");
        cancel.setOnAction(e -> vm.cancel());
        // In a narrow window the progress text gives way, not the buttons.
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox progressRow = new HBox(10, bar, progressText, grow, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.getStyleClass().add("bulk-progress-row");
        show(progressRow, vm.runningProperty().get());
        vm.runningProperty().addListener((o, was, now) -> show(progressRow, now));

        Label summary = new Label();
        summary.setId("bulkSummary");
        summary.getStyleClass().add("bulk-summary");
        summary.setMinWidth(0);
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            String undone = vm.undoneTextProperty().get();
            BulkSummary s = vm.summaryProperty().get();
            return !undone.isEmpty() ? undone : s == null ? "" : s.text();
        }, vm.summaryProperty(), vm.undoneTextProperty()));
        Button undo = new Button(TEXT.getString("bar.undo"));
        undo.setId("bulkUndo");
        undo.getStyleClass().add("primary");
        undo.setOnAction(e -> vm.undo());
        undo.visibleProperty().bind(vm.undoAvailableProperty());
        undo.managedProperty().bind(undo.visibleProperty());
        Button toggleDetails = new Button(TEXT.getString("bar.details"));
        toggleDetails.setId("bulkDetails");
        toggleDetails.setOnAction(e -> {
            boolean open = !details.isVisible();
            show(details, open);
            toggleDetails.setText(TEXT.getString(open ? "bar.hideDetails" : "bar.details"));
        });
        Button close = new Button("×");
        close.setId("bulkClose");
        close.getStyleClass().add("bulk-close");
        close.setAccessibleText(TEXT.getString("bar.close"));
        close.setOnAction(e -> vm.dismissSummary());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        undo.setMinWidth(Region.USE_PREF_SIZE);
        toggleDetails.setMinWidth(Region.USE_PREF_SIZE);
        HBox summaryRow = new HBox(8, summary, spacer, undo, toggleDetails, close);
        summaryRow.setAlignment(Pos.CENTER_LEFT);
        summaryRow.getStyleClass().add("bulk-summary-row");

        details.setId("bulkDetailsList");
        details.getStyleClass().add("bulk-details");
        details.setPrefHeight(150);
        show(details, false);

        getChildren().addAll(progressRow, summaryRow, details);
        vm.summaryProperty().addListener((o, was, now) -> {
            details.getItems().setAll(now == null ? java.util.List.of() : now.detailLines());
            toggleDetails.setVisible(now != null && now.hasDetails());
            toggleDetails.setManaged(toggleDetails.isVisible());
            toggleDetails.setText(TEXT.getString("bar.details"));
            show(details, false);
        });
        Runnable showSummary = () -> show(summaryRow, vm.summaryProperty().get() != null && !vm.runningProperty().get());
        vm.summaryProperty().addListener((o, was, now) -> showSummary.run());
        vm.runningProperty().addListener((o, was, now) -> showSummary.run());
        showSummary.run();
        undoTimer.setOnFinished(e -> vm.expireUndo());
        vm.undoAvailableProperty().addListener((o, was, now) -> {
            if (now) {
                undoTimer.playFromStart();
            } else {
                undoTimer.stop();
            }
        });
        visibleProperty().bind(vm.runningProperty().or(vm.summaryProperty().isNotNull()));
        managedProperty().bind(visibleProperty());
    }

    private static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
