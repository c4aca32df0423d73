package dev.reelwatch.ui.failures;

import dev.reelwatch.ui.tasks.TaskSubset;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Objects;
import java.util.ResourceBundle;

/** The strip above the task list while it shows one failure group: what it shows, back to Failures, show all. */
public final class SubsetChip extends HBox {
    private static final ResourceBundle TEXT = FailuresViewModel.TEXT;

    public SubsetChip(ObservableValue<TaskSubset> subset, Runnable backToFailures, Runnable showAll) {
        setId("subsetChip");
        getStyleClass().add("subset-chip");
        getStylesheets().add(Objects.requireNonNull(
                SubsetChip.class.getResource("/dev/reelwatch/ui/failures/failures.css")).toExternalForm());
        Region icon = new Region();
        icon.getStyleClass().addAll("icon", "icon-failures");
        Label label = new Label();
        label.getStyleClass().add("subset-label");
        label.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button back = new Button(TEXT.getString("chip.back"));
        back.setId("subsetBack");
        back.setOnAction(e -> backToFailures.run());
        Button all = new Button(TEXT.getString("subset.clear"));
        all.setId("subsetClear");
        all.setOnAction(e -> showAll.run());
        getChildren().addAll(icon, label, spacer, back, all);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Runnable update = () -> {
            TaskSubset s = subset.getValue();
            setVisible(s != null);
            setManaged(s != null);
            label.setText(s == null ? "" : String.format(TEXT.getString("chip.showing"), s.label()));
        };
        subset.addListener((o, was, now) -> update.run());
        update.run();
    }
}
