package dev.reelwatch.ui.accounts;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.HealthLevel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;

/** The accounts dialog's content: account list on the left, the editor form on the right. Binds only. */
public final class AccountsView extends BorderPane {
    private static final List<String> TEST_CLASSES = List.of("test-idle", "test-running", "test-connected",
            "test-failed");

    private final AccountsViewModel model;
    private final AccountEditorViewModel editor;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.accounts.messages");
    private final Button close = new Button();
    private final DialogService dialogs;

    public AccountsView(AccountsViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.editor = model.editor();
        getStyleClass().add("accounts-view");
        getStylesheets().add(AccountsView.class.getResource("accounts.css").toExternalForm());
        setLeft(accountList());
        ScrollPane form = new ScrollPane(form());
        form.setFitToWidth(true);
        form.getStyleClass().add("form-scroll");
        setCenter(form);
        close.setText(text.getString("action.close"));
        close.setId("accounts-close");
        close.setCancelButton(true);
        HBox bar = new HBox(close);
        bar.getStyleClass().add("button-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        setBottom(bar);
    }

    /** The Close button, which the dialog wires to closing its window. */
    public Button closeButton() {
        return close;
    }

    private Node accountList() {
        Label title = new Label(text.getString("list.title"));
        title.getStyleClass().add("list-title");
        ListView<Account> list = new ListView<>(model.accounts());
        list.setId("accounts-list");
        list.getStyleClass().add("account-list");
        list.setPlaceholder(placeholderLabel());
        list.setCellFactory(v -> {
            AccountCell cell = new AccountCell();
            // Cells take the list's width instead of widening it (no sideways scrolling for long names).
            cell.setPrefWidth(0);
            return cell;
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = new Button(text.getString("action.add"));
        add.setId("accounts-add");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> model.addNew());
        Button remove = new Button(text.getString("action.remove"));
        remove.setId("accounts-remove");
        remove.disableProperty().bind(model.selectedProperty().isNull());
        remove.setOnAction(e -> confirmRemove(model.selectedProperty().get()));
        // Issue 15: pause or resume the selected account.
        Button pause = new Button();
        pause.setId("accounts-pause");
        pause.textProperty().bind(javafx.beans.binding.Bindings.when(model.selectedPausedProperty())
                .then(text.getString("action.resume")).otherwise(text.getString("action.pause")));
        pause.disableProperty().bind(model.selectedProperty().isNull());
        pause.setOnAction(e -> model.togglePause());
        // Add on a row of its own, Remove and Pause sharing the next: three in one row get clipped ("Re…")
        // in a list as narrow as the Accounts window gives it.
        add.setMaxWidth(Double.MAX_VALUE);
        remove.setMaxWidth(Double.MAX_VALUE);
        pause.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(remove, Priority.ALWAYS);
        HBox.setHgrow(pause, Priority.ALWAYS);
        VBox buttons = new VBox(8, add, new HBox(8, remove, pause));
        Label error = errorLabel(model.errorProperty());
        VBox box = new VBox(10, title, list, buttons, error);
        box.getStyleClass().add("accounts-sidebar");
        return box;
    }

    private Label placeholderLabel() {
        Label l = new Label(text.getString("list.empty"));
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }

    private void confirmRemove(Account account) {
        if (account == null) {
            return;
        }
        if (dialogs.confirm(text.getString("remove.title"),
                MessageFormat.format(text.getString("remove.header"), account.name()),
                text.getString("remove.content"), text.getString("action.remove"))) {
            model.remove(account);
        }
    }

    private Node form() {
        Label heading = new Label();
        heading.getStyleClass().add("form-title");
        heading.textProperty().bind(editor.titleProperty());
        Label intro = new Label(text.getString("editor.subtitle"));
        intro.getStyleClass().add("muted");
        intro.setWrapText(true);
        Label demo = new Label(text.getString("demo.note"));
        demo.getStyleClass().add("demo-note");
        demo.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> editor.editingProperty().get() != null && editor.editingProperty().get().demo(),
                editor.editingProperty()));
        demo.managedProperty().bind(demo.visibleProperty());

        ComboBox<ProviderKind> kind = new ComboBox<>();
        kind.setId("account-kind");
        kind.getItems().setAll(editor.providers());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(ProviderKind k) {
                return k == null ? "" : k.displayName();
            }

            @Override
            public ProviderKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(editor.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);

        TextField name = new TextField();
        name.setId("account-name");
        name.setPromptText(text.getString("field.name.prompt"));
        name.textProperty().bindBidirectional(editor.nameProperty());

        TextField url = new TextField();
        url.setId("account-url");
        url.textProperty().bindBidirectional(editor.baseUrlProperty());

        PasswordField key = new PasswordField();
        key.setId("account-key");
        key.textProperty().bindBidirectional(editor.apiKeyProperty());
        key.promptTextProperty().bind(Bindings.when(editor.keyHintProperty().isEqualTo(text.getString("hint.keepKey")))
                .then(text.getString("field.apiKey.keep")).otherwise(text.getString("field.apiKey.prompt")));
        TextField variable = new TextField();
        variable.setId("account-variable");
        variable.setPromptText(text.getString("field.variable.prompt"));
        variable.textProperty().bindBidirectional(editor.environmentVariableProperty());
        key.visibleProperty().bind(editor.useEnvironmentProperty().not());
        key.managedProperty().bind(key.visibleProperty());
        variable.visibleProperty().bind(editor.useEnvironmentProperty());
        variable.managedProperty().bind(variable.visibleProperty());
        CheckBox useEnv = new CheckBox(text.getString("field.useEnvironment"));
        useEnv.setId("account-use-env");
        useEnv.selectedProperty().bindBidirectional(editor.useEnvironmentProperty());
        Label keyHint = new Label();
        keyHint.getStyleClass().add("field-hint");
        keyHint.setWrapText(true);
        keyHint.textProperty().bind(editor.keyHintProperty());

        CheckBox enabled = new CheckBox(text.getString("field.enabled"));
        enabled.setId("account-enabled");
        enabled.selectedProperty().bindBidirectional(editor.enabledProperty());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        int r = 0;
        grid.addRow(r++, fieldLabel("field.provider"), kind);
        grid.addRow(r++, fieldLabel("field.name"), withError(name, editor.nameErrorProperty()));
        grid.addRow(r++, fieldLabel("field.baseUrl"), withError(url, editor.baseUrlErrorProperty()));
        grid.add(plainHttpConsent(), 1, r++);
        Label keyLabel = fieldLabel("field.apiKey");
        keyLabel.textProperty().bind(Bindings.when(editor.useEnvironmentProperty())
                .then(text.getString("field.variable")).otherwise(text.getString("field.apiKey")));
        VBox keyBox = new VBox(4, new StackPane(key, variable), errorLabel(editor.keyErrorProperty()), keyHint, useEnv);
        grid.addRow(r++, keyLabel, keyBox);
        grid.add(enabled, 1, r);
        GridPane.setValignment(keyLabel, javafx.geometry.VPos.TOP);

        Button test = new Button(text.getString("action.test"));
        test.setId("account-test");
        test.disableProperty().bind(editor.testStateProperty().isEqualTo(TestState.RUNNING));
        test.setOnAction(e -> editor.testConnection());
        test.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("test-spinner");
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(editor.testStateProperty().isEqualTo(TestState.RUNNING));
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label result = new Label();
        result.setId("account-test-result");
        result.getStyleClass().add("test-result");
        result.setWrapText(true);
        // Wrapped, never clipped: a provider's long refusal grows the line instead of ending in "…".
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.setMaxWidth(Double.MAX_VALUE);
        result.setMinWidth(0);
        result.textProperty().bind(Bindings.when(editor.testMessageProperty().isEmpty())
                .then(text.getString("test.idle")).otherwise(editor.testMessageProperty()));
        editor.testStateProperty().addListener((obs, was, now) -> {
            result.getStyleClass().removeAll(TEST_CLASSES);
            result.getStyleClass().add("test-" + now.name().toLowerCase(java.util.Locale.ROOT));
        });
        HBox testLine = new HBox(10, test, spinner, result);
        testLine.setAlignment(Pos.TOP_LEFT);
        testLine.getStyleClass().add("test-line");
        HBox.setHgrow(result, Priority.ALWAYS);

        Button save = new Button(text.getString("action.save"));
        save.setId("account-save");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(editor.savingProperty());
        save.setOnAction(e -> editor.save());
        save.setMinWidth(Region.USE_PREF_SIZE);
        Label saveError = errorLabel(editor.saveErrorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox saveLine = new HBox(10, saveError, spacer, save);
        saveLine.setAlignment(Pos.CENTER_RIGHT);

        VBox box = new VBox(14, new VBox(4, heading, intro), demo, grid, testLine, saveLine);
        box.getStyleClass().add("account-form");
        return box;
    }

    /** The consent checkbox with its warning; only there while the URL is plain HTTP to another machine. */
    private Node plainHttpConsent() {
        CheckBox allow = new CheckBox(text.getString("field.allowPlainHttp"));
        allow.setId("account-allow-http");
        allow.setWrapText(true);
        allow.selectedProperty().bindBidirectional(editor.allowPlainHttpProperty());
        Label warning = new Label(text.getString("warning.plainHttp"));
        warning.setId("account-http-warning");
        warning.getStyleClass().add("plain-http-warning");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, warning, allow, errorLabel(editor.plainHttpErrorProperty()));
        box.setId("account-http-consent");
        box.visibleProperty().bind(editor.plainHttpAppliesProperty());
        box.managedProperty().bind(box.visibleProperty());
        allow.disableProperty().bind(editor.plainHttpAppliesProperty().not());
        return box;
    }

    private Label fieldLabel(String key) {
        Label l = new Label(text.getString(key));
        l.getStyleClass().add("form-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Node withError(Node field, ObservableStringValue error) {
        return new VBox(4, field, errorLabel(error));
    }

    private static Label errorLabel(ObservableStringValue error) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.textProperty().bind(error);
        l.visibleProperty().bind(Bindings.isNotEmpty(error));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    /** Name, provider and badges for one account in the list. */
    private final class AccountCell extends ListCell<Account> {
        @Override
        protected void updateItem(Account a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(a.name());
            name.getStyleClass().add("account-name");
            name.setMinWidth(0);
            Label provider = new Label(a.provider().displayName());
            provider.getStyleClass().add("account-provider");
            HealthLevel level = model.healthLevel(a);
            Region dot = new Region();
            dot.getStyleClass().addAll("health-dot", level.styleClass());
            Label state = new Label(text.getString("health." + level.name().toLowerCase(java.util.Locale.ROOT)));
            state.getStyleClass().addAll("account-health", level.styleClass());
            model.health(a).filter(h -> h.lastErrorKind() != null).ifPresent(h -> state.setTooltip(
                    new Tooltip(problem(h))));
            HBox health = new HBox(6, dot, state);
            health.setAlignment(Pos.CENTER_LEFT);
            HBox badges = new HBox(6, provider);
            badges.setAlignment(Pos.CENTER_LEFT);
            if (a.demo()) {
                badges.getChildren().add(badge(text.getString("list.demo"), "badge-demo"));
            }
            if (!a.enabled()) {
                badges.getChildren().add(badge(text.getString("list.disabled"), "badge-off"));
            }
            if (model.usesPlainHttp(a)) {
                Label plain = badge(text.getString("list.plainHttp"), "badge-warn");
                plain.setTooltip(new Tooltip(text.getString("list.plainHttp.tip")));
                badges.getChildren().add(plain);
            }
            setText(null);
            setGraphic(new VBox(2, name, badges, health));
        }

        private String problem(AccountHealth h) {
            return MessageFormat.format(text.getString("health.tip"), h.lastErrorKind().title(),
                    h.lastAttempt() == null ? "?" : h.lastAttempt().toString(),
                    h.lastErrorMessage() == null ? "" : h.lastErrorMessage());
        }

        private Label badge(String s, String style) {
            Label l = new Label(s);
            l.getStyleClass().addAll("badge", style);
            return l;
        }
    }
}
