package dev.reelwatch.ui.preferences;

import dev.reelwatch.ui.theme.ThemeChoice;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The Preferences window's content: a list of pages on the left, the chosen page on the right, Close below.
 * Binds to {@link PreferencesViewModel}; the composition root may add pages of other features with
 * {@link #addPage(String, Node)} (the rules editor, for one).
 */
public final class PreferencesView extends BorderPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.preferences.messages");
    private static final String CSS = Objects.requireNonNull(
            PreferencesView.class.getResource("/dev/reelwatch/ui/preferences/preferences.css")).toExternalForm();

    private final PreferencesViewModel vm;
    private final Map<String, Node> pages = new LinkedHashMap<>();
    private final ListView<String> pageList = new ListView<>();
    private final ScrollPane pageHolder = new ScrollPane();
    private final Button close = new Button(TEXT.getString("close"));

    public PreferencesView(PreferencesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("preferences-view");
        setId("preferencesView");
        getStylesheets().add(CSS);

        pageList.getStyleClass().add("preferences-pages");
        pageList.setId("preferencesPages");
        pageList.setPrefWidth(190);
        pageList.setMinWidth(160);
        pageList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String title, boolean empty) {
                super.updateItem(title, empty);
                setText(empty ? null : title);
                setId(empty ? null : "page-" + title.replaceAll("[^\\p{Alnum}]", ""));
            }
        });
        pageList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showPage(now));
        pageHolder.getStyleClass().add("preferences-scroll");
        pageHolder.setFitToWidth(true);
        // A page that scrolls by itself (the rules editor) gets the window's height, not a second scroll bar.
        pageHolder.setFitToHeight(true);
        pageHolder.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        close.setId("preferencesClose");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("preferences-buttons");

        setLeft(pageList);
        setCenter(pageHolder);
        setBottom(buttons);

        addPage(TEXT.getString("page.sync"), syncPage());
        addPage(TEXT.getString("page.archive"), archivePage());
        addPage(TEXT.getString("page.export"), exportPage());
        addPage(TEXT.getString("page.notifications"), notificationsPage());
        addPage(TEXT.getString("page.theme"), themePage());
        addPage(TEXT.getString("page.data"), dataPage());
        pageList.getSelectionModel().selectFirst();
    }

    /** Adds a page at the end of the list; a page of the same title is replaced. */
    public void addPage(String title, Node content) {
        boolean known = pages.containsKey(title);
        pages.put(title, content);
        if (!known) {
            pageList.getItems().add(title);
        } else if (title.equals(pageList.getSelectionModel().getSelectedItem())) {
            showPage(title);
        }
    }

    /** Shows the page of this title (as if chosen in the list); false when there is none. */
    public boolean selectPage(String title) {
        if (!pages.containsKey(title)) {
            return false;
        }
        pageList.getSelectionModel().select(title);
        return true;
    }

    /** The titles of the pages, in order. */
    public List<String> pageTitles() {
        return new ArrayList<>(pages.keySet());
    }

    /** The Close button, for the window to hook up. */
    Button closeButton() {
        return close;
    }

    private void showPage(String title) {
        pageHolder.setContent(title == null ? null : pages.get(title));
        pageHolder.setVvalue(0);
    }

    // ---- pages ------------------------------------------------------------------------------------------

    private Node syncPage() {
        ComboBox<Duration> list = durations(PreferencesViewModel.LIST_CHOICES, vm.listIntervalProperty().get());
        list.setId("listIntervalChoice");
        list.valueProperty().bindBidirectional(vm.listIntervalProperty());
        ComboBox<Duration> fast = durations(PreferencesViewModel.FAST_CHOICES, vm.fastIntervalProperty().get());
        fast.setId("fastIntervalChoice");
        fast.valueProperty().bindBidirectional(vm.fastIntervalProperty());
        VBox group = group(
                row(label("sync.list"), list), hint("sync.list.hint"),
                row(label("sync.fast"), fast), hint("sync.fast.hint"));
        return page("sync.title", group, hint("sync.live"));
    }

    private Node archivePage() {
        CheckBox enabled = new CheckBox(TEXT.getString("archive.enabled"));
        enabled.setId("archiveEnabled");
        enabled.setWrapText(true);
        enabled.selectedProperty().bindBidirectional(vm.archiveEnabledProperty());

        TextField folder = new TextField();
        folder.setId("archiveFolder");
        folder.setEditable(false);
        folder.getStyleClass().add("path-field");
        folder.textProperty().bind(Bindings.createStringBinding(
                () -> vm.archiveFolderProperty().get() == null ? "" : vm.archiveFolderProperty().get().toString(),
                vm.archiveFolderProperty()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(TEXT.getString("archive.choose"));
        choose.setId("archiveChoose");
        choose.setOnAction(e -> vm.chooseArchiveFolder());
        Button reset = new Button(TEXT.getString("archive.default"));
        reset.setId("archiveDefault");
        reset.disableProperty().bind(vm.archiveFolderIsDefaultProperty());
        reset.setOnAction(e -> vm.useDefaultArchiveFolder());
        choose.setMinWidth(Region.USE_PREF_SIZE);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        HBox folderRow = new HBox(8, label("archive.folder"), folder, choose, reset);
        folderRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox cap = new CheckBox(TEXT.getString("archive.cap"));
        cap.setId("archiveCapEnabled");
        cap.selectedProperty().bindBidirectional(vm.capEnabledProperty());
        Spinner<Integer> size = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000,
                vm.capGigabytesProperty().get()));
        size.setId("archiveCapSize");
        size.setEditable(true);
        size.setPrefWidth(110);
        size.disableProperty().bind(cap.selectedProperty().not());
        size.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.capGigabytesProperty().set(now);
            }
        });
        HBox capRow = new HBox(8, cap, size, new Label(TEXT.getString("archive.cap.unit")));
        capRow.setAlignment(Pos.CENTER_LEFT);

        Label usage = new Label();
        usage.setId("archiveUsage");
        usage.textProperty().bind(vm.archiveUsageProperty());
        Button measure = new Button(TEXT.getString("archive.usage.again"));
        measure.setOnAction(e -> vm.refreshUsage());
        HBox usageRow = new HBox(8, label("archive.usage.label"), usage, measure);
        usageRow.setAlignment(Pos.CENTER_LEFT);

        VBox group = group(enabled, hint("archive.enabled.hint"), folderRow, hint("archive.folder.hint"), capRow,
                hint("archive.cap.hint"), usageRow);
        return page("archive.title", group);
    }

    private Node exportPage() {
        TextField template = new TextField();
        template.setId("templateField");
        template.getStyleClass().add("template-field");
        template.textProperty().bindBidirectional(vm.templateProperty());
        Button reset = new Button(TEXT.getString("export.reset"));
        reset.setId("templateReset");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.setOnAction(e -> vm.resetTemplate());
        HBox.setHgrow(template, Priority.ALWAYS);
        HBox templateRow = new HBox(8, template, reset);
        templateRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("templateProblem");
        problem.getStyleClass().add("template-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.templateProblemProperty());
        problem.visibleProperty().bind(vm.templateProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label source = new Label();
        source.setId("templatePreviewSource");
        source.getStyleClass().add("hint");
        source.setWrapText(true);
        source.textProperty().bind(vm.previewSourceProperty());
        TextField preview = new TextField();
        preview.setId("templatePreview");
        preview.setEditable(false);
        preview.getStyleClass().add("template-preview");
        preview.textProperty().bind(vm.previewProperty());
        preview.visibleProperty().bind(vm.previewProperty().isNotEmpty());
        preview.managedProperty().bind(preview.visibleProperty());

        GridPane placeholders = new GridPane();
        placeholders.setHgap(12);
        placeholders.setVgap(6);
        int row = 0;
        for (String p : vm.placeholders()) {
            Label name = new Label(p);
            name.getStyleClass().add("placeholder-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setTooltip(new Tooltip(p));
            name.setOnMouseClicked(e -> {
                int caret = template.getCaretPosition();
                template.insertText(Math.min(caret, template.getLength()), p);
                template.requestFocus();
            });
            Label what = new Label(vm.describe(p));
            what.setWrapText(true);
            what.getStyleClass().add("hint");
            GridPane.setHgrow(what, Priority.ALWAYS);
            placeholders.addRow(row++, name, what);
        }

        VBox group = group(label("export.template"), templateRow, problem, hint("export.template.hint"));
        VBox previewGroup = group(label("export.preview"), source, preview);
        VBox placeholderGroup = group(label("export.placeholders"), placeholders);
        return page("export.title", group, previewGroup, placeholderGroup);
    }

    private Node notificationsPage() {
        CheckBox enabled = new CheckBox(TEXT.getString("notifications.enabled"));
        enabled.setId("notificationsEnabled");
        enabled.selectedProperty().bindBidirectional(vm.notificationsEnabledProperty());
        CheckBox failures = new CheckBox(TEXT.getString("notifications.onlyFailures"));
        failures.setId("notificationsOnlyFailures");
        failures.selectedProperty().bindBidirectional(vm.onlyFailuresProperty());
        failures.disableProperty().bind(enabled.selectedProperty().not());
        return page("notifications.title", group(enabled, failures, hint("notifications.hint")));
    }

    private Node themePage() {
        ToggleGroup themes = new ToggleGroup();
        VBox choices = new VBox(8);
        for (ThemeChoice c : ThemeChoice.values()) {
            RadioButton r = new RadioButton(TEXT.getString("theme." + c.name()));
            r.setId("preferences-theme-" + c.name());
            r.setToggleGroup(themes);
            r.setUserData(c);
            r.setSelected(vm.themeProperty().get() == c);
            choices.getChildren().add(r);
        }
        themes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.themeProperty().set((ThemeChoice) now.getUserData());
            }
        });
        vm.themeProperty().addListener((o, was, now) -> themes.getToggles().forEach(t ->
                t.setSelected(t.getUserData() == now)));
        return page("theme.title", group(label("theme.label"), choices));
    }

    private Node dataPage() {
        TextField dir = new TextField(vm.dataDir().toString());
        dir.setId("dataDirField");
        dir.setEditable(false);
        dir.getStyleClass().add("path-field");
        HBox.setHgrow(dir, Priority.ALWAYS);
        Button open = new Button(TEXT.getString("data.open"));
        open.setId("dataDirOpen");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> vm.openDataDir());
        HBox row = new HBox(8, dir, open);
        row.setAlignment(Pos.CENTER_LEFT);
        return page("data.title", group(label("data.label"), row, hint("data.hint")));
    }

    // ---- building blocks --------------------------------------------------------------------------------

    private static VBox page(String titleKey, Node... content) {
        Label title = new Label(TEXT.getString(titleKey));
        title.getStyleClass().add("page-title");
        VBox page = new VBox(title);
        page.getChildren().addAll(content);
        page.getStyleClass().add("preferences-page");
        return page;
    }

    private static VBox group(Node... content) {
        VBox box = new VBox(content);
        box.getStyleClass().add("group");
        return box;
    }

    private static HBox row(Node label, Node control) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(12, label, spacer, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String key) {
        Label l = new Label(TEXT.getString(key));
        l.getStyleClass().add("field-label");
        l.setWrapText(true);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hint(String key) {
        Label l = new Label(TEXT.getString(key));
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static ComboBox<Duration> durations(List<Duration> choices, Duration current) {
        ComboBox<Duration> box = new ComboBox<>();
        box.getItems().setAll(choices);
        if (current != null && !choices.contains(current)) {
            // A value set by hand in the settings stays choosable, in its place in the order.
            box.getItems().add(current);
            box.getItems().sort(Duration::compareTo);
        }
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration d) {
                return d == null ? "" : DurationText.of(d);
            }

            @Override
            public Duration fromString(String s) {
                return null;
            }
        });
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setPrefWidth(150);
        return box;
    }
}
