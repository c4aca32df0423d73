package dev.reelwatch.ui.library;

import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.Objects;
import java.util.ResourceBundle;

/** The detail pane's library section: a star toggle, tag chips with an "add tag" field, and the note. */
public final class TaskLibraryView extends VBox {
    static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.library.messages");
    static final String CSS = Objects.requireNonNull(
            TaskLibraryView.class.getResource("/dev/reelwatch/ui/library/library.css")).toExternalForm();
    static final PseudoClass STARRED = PseudoClass.getPseudoClass("starred");

    private final TaskLibraryViewModel vm;
    private final FlowPane chips = new FlowPane(6, 6);

    public TaskLibraryView(TaskLibraryViewModel vm) {
        this.vm = vm;
        getStyleClass().add("library-panel");
        setMinWidth(0);
        getStylesheets().add(CSS);
        setId("library-panel");

        Button star = starButton();
        Label title = new Label(TEXT.getString("library.title"));
        title.getStyleClass().addAll("section-title", "library-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, star);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinWidth(0);
        Tooltip.install(title, new Tooltip(TEXT.getString("library.localOnly")));

        TextField add = new TextField();
        add.setId("library-add-tag");
        add.getStyleClass().add("tag-field");
        add.setPromptText(TEXT.getString("library.addTag"));
        add.setOnAction(e -> {
            vm.addTag(add.getText());
            add.clear();
        });
        TextFields.bindAutoCompletion(add, request -> vm.suggestions(request.getUserText()));
        chips.setAlignment(Pos.CENTER_LEFT);
        chips.setPrefWrapLength(180);
        chips.setMinWidth(0);
        chips.setId("library-tags");
        vm.tags().addListener((Observable o) -> rebuildChips(add));
        rebuildChips(add);

        TextArea note = new TextArea();
        note.setId("library-note");
        note.getStyleClass().add("note-area");
        note.setWrapText(true);
        note.setPrefRowCount(3);
        note.setPrefColumnCount(12);
        note.setMinWidth(0);
        note.setPromptText(TEXT.getString("library.notePrompt"));
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                vm.saveNote();
            }
        });
        note.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                vm.saveNote();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.revertNote();
                e.consume();
            }
        });
        Button save = new Button(TEXT.getString("library.saveNote"));
        save.setId("library-save-note");
        save.setOnAction(e -> vm.saveNote());
        save.visibleProperty().bind(vm.noteChangedBinding());
        save.managedProperty().bind(save.visibleProperty());
        Label hint = new Label(TEXT.getString("library.noteHint"));
        hint.setMinWidth(0);
        hint.getStyleClass().add("saved-hint");
        hint.visibleProperty().bind(vm.noteChangedBinding());
        hint.managedProperty().bind(hint.visibleProperty());
        HBox noteActions = new HBox(8, hint, save);
        noteActions.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(head, chips, note, noteActions);
        visibleProperty().bind(vm.shownProperty());
        managedProperty().bind(visibleProperty());
    }

    private Button starButton() {
        Region icon = new Region();
        icon.getStyleClass().addAll("icon", "icon-star");
        Button star = new Button();
        star.setGraphic(icon);
        star.setId("library-star");
        star.getStyleClass().add("star-toggle");
        star.setOnAction(e -> vm.toggleStar());
        Tooltip tip = new Tooltip();
        star.setTooltip(tip);
        Runnable show = () -> {
            boolean on = vm.starredProperty().get();
            star.pseudoClassStateChanged(STARRED, on);
            star.setText(TEXT.getString(on ? "library.starred" : "library.star"));
            tip.setText(TEXT.getString(on ? "library.unstar.tip" : "library.star.tip"));
        };
        vm.starredProperty().addListener((o, was, now) -> show.run());
        show.run();
        return star;
    }

    private void rebuildChips(TextField add) {
        chips.getChildren().clear();
        for (String tag : vm.tags()) {
            chips.getChildren().add(chip(tag, () -> vm.removeTag(tag)));
        }
        chips.getChildren().add(add);
    }

    /** A rounded tag label with a small × that runs {@code onRemove}. */
    static HBox chip(String tag, Runnable onRemove) {
        Label label = new Label(tag);
        HBox chip = new HBox(label);
        chip.getStyleClass().add("tag-chip");
        if (onRemove != null) {
            Button remove = new Button("×");
            remove.getStyleClass().add("tag-remove");
            remove.setFocusTraversable(false);
            remove.setTooltip(new Tooltip(String.format(TEXT.getString("library.removeTag"), tag)));
            remove.setOnAction(e -> onRemove.run());
            chip.getChildren().add(remove);
        }
        return chip;
    }
}
