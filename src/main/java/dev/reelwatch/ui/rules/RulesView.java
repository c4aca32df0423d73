package dev.reelwatch.ui.rules;

import dev.reelwatch.core.ProviderKind;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The Rules page: the saved rules on the left (each with its on/off switch), the rule being edited on the right
 * with its live "matches N cached tasks" preview. A Node, so the Preferences window can hold it as a page. Binds
 * only; every decision is the ViewModel's.
 */
public final class RulesView extends BorderPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.rules.messages");

    private final RulesViewModel vm;
    private final GridPane grid = new GridPane();
    private int row;

    public RulesView(RulesViewModel vm) {
        this.vm = vm;
        setId("rulesView");
        getStyleClass().add("rules-view");
        getStylesheets().add(Objects.requireNonNull(RulesView.class.getResource("rules.css")).toExternalForm());
        setLeft(list());
        setCenter(form());
    }

    private Node list() {
        ListView<RulesViewModel.RuleItem> list = new ListView<>(vm.items());
        list.setId("rules-list");
        list.setPlaceholder(new Label(TEXT.getString("list.empty")));
        list.setCellFactory(v -> new RuleCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != vm.selectedProperty().get()) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        Button add = new Button(TEXT.getString("button.new"));
        add.setId("rules-new");
        add.setOnAction(e -> vm.newRule());
        add.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(list, add);
        box.getStyleClass().add("rules-list-pane");
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    /** A saved rule with its switch; the switch acts at once. */
    private final class RuleCell extends ListCell<RulesViewModel.RuleItem> {
        private final CheckBox on = new CheckBox();

        RuleCell() {
            // As wide as the list, never wider: long names end in an ellipsis instead of a side scroll bar.
            setPrefWidth(0);
            getStyleClass().add("rule-cell");
            on.getStyleClass().add("rule-switch");
            on.setOnAction(e -> {
                if (getItem() != null) {
                    vm.setEnabled(getItem(), on.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(RulesViewModel.RuleItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            on.setSelected(item.rule().enabled());
            setText(RulesViewModel.describe(item));
            setGraphic(on);
        }
    }

    private Node form() {
        grid.getStyleClass().add("rules-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        Label intro = new Label(TEXT.getString("intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("rules-intro");
        grid.add(intro, 0, row++, 2, 1);

        TextField name = text("rule-name", null);
        name.textProperty().bindBidirectional(vm.nameProperty());
        CheckBox enabled = new CheckBox(TEXT.getString("field.enabled"));
        enabled.setId("rule-enabled");
        enabled.selectedProperty().bindBidirectional(vm.enabledProperty());
        HBox nameRow = new HBox(name, enabled);
        nameRow.getStyleClass().add("rules-inline");
        HBox.setHgrow(name, Priority.ALWAYS);
        field("field.name", nameRow);

        section("section.when");
        TextField when = text("rule-when", "field.when.prompt");
        when.textProperty().bindBidirectional(vm.whenProperty());
        field("field.when", when);

        section("section.conditions");
        TextField account = text("rule-account", null);
        account.textProperty().bindBidirectional(vm.accountProperty());
        field("field.account", account);
        ComboBox<ProviderKind> provider = new ComboBox<>();
        provider.setId("rule-provider");
        provider.getItems().add(null);
        provider.getItems().addAll(ProviderKind.values());
        provider.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProviderKind kind) {
                return kind == null ? TEXT.getString("field.provider.any") : kind.displayName();
            }

            @Override
            public ProviderKind fromString(String s) {
                return null;
            }
        });
        provider.valueProperty().bindBidirectional(vm.providerProperty());
        field("field.provider", provider);
        TextField model = text("rule-model", null);
        model.textProperty().bindBidirectional(vm.modelProperty());
        field("field.model", model);
        TextField prompt = text("rule-prompt", null);
        prompt.textProperty().bindBidirectional(vm.promptContainsProperty());
        field("field.promptContains", prompt);
        TextField hasTag = text("rule-has-tag", null);
        hasTag.textProperty().bindBidirectional(vm.hasTagProperty());
        field("field.hasTag", hasTag);

        Label preview = new Label();
        preview.setId("rule-preview");
        preview.getStyleClass().add("rules-preview");
        preview.textProperty().bind(vm.previewProperty());
        grid.add(preview, 1, row++);

        section("section.actions");
        TextField tags = text("rule-add-tags", "field.addTags.prompt");
        tags.textProperty().bindBidirectional(vm.addTagsProperty());
        field("field.addTags", tags);
        CheckBox star = new CheckBox(TEXT.getString("field.star"));
        star.setId("rule-star");
        star.selectedProperty().bindBidirectional(vm.starProperty());
        grid.add(star, 1, row++);
        TextField folder = text("rule-export-to", null);
        folder.textProperty().bindBidirectional(vm.exportToProperty());
        Button choose = new Button(TEXT.getString("button.choose"));
        choose.setOnAction(e -> vm.chooseExportFolder());
        HBox folderRow = new HBox(folder, choose);
        folderRow.getStyleClass().add("rules-inline");
        HBox.setHgrow(folder, Priority.ALWAYS);
        field("field.exportTo", folderRow);
        TextField template = text("rule-template", "field.nameTemplate.prompt");
        template.textProperty().bindBidirectional(vm.nameTemplateProperty());
        field("field.nameTemplate", template);
        ComboBox<RulesViewModel.NotifyChoice> notify = new ComboBox<>();
        notify.setId("rule-notify");
        notify.getItems().addAll(RulesViewModel.NotifyChoice.values());
        notify.setConverter(new StringConverter<>() {
            @Override
            public String toString(RulesViewModel.NotifyChoice c) {
                return c == null ? "" : TEXT.getString("notify." + c.name());
            }

            @Override
            public RulesViewModel.NotifyChoice fromString(String s) {
                return null;
            }
        });
        notify.valueProperty().bindBidirectional(vm.notifyProperty());
        field("field.notify", notify);

        Label message = new Label();
        message.setId("rule-message");
        message.setWrapText(true);
        message.getStyleClass().add("rules-message");
        message.textProperty().bind(vm.messageProperty());
        grid.add(message, 0, row++, 2, 1);

        Button save = new Button(TEXT.getString("button.save"));
        save.setId("rule-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Button delete = new Button(TEXT.getString("button.delete"));
        delete.setId("rule-delete");
        delete.disableProperty().bind(vm.selectedProperty().isNull());
        delete.setOnAction(e -> vm.deleteSelected());
        HBox buttons = new HBox(save, delete);
        buttons.getStyleClass().add("rules-buttons");
        grid.add(buttons, 1, row++);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("rules-scroll");
        BorderPane.setMargin(scroll, Insets.EMPTY);
        return scroll;
    }

    private TextField text(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        if (promptKey != null) {
            f.setPromptText(TEXT.getString(promptKey));
        }
        return f;
    }

    private void field(String labelKey, Node field) {
        Label label = new Label(TEXT.getString(labelKey));
        label.getStyleClass().add("rules-label");
        label.setLabelFor(field);
        grid.add(label, 0, row);
        grid.add(field, 1, row++);
        if (field instanceof Region r) {
            r.setMaxWidth(Double.MAX_VALUE);
        }
    }

    private void section(String key) {
        Label heading = new Label(TEXT.getString(key));
        heading.getStyleClass().add("rules-section");
        grid.add(heading, 0, row++, 2, 1);
    }
}
