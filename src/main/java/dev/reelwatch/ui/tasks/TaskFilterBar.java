package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.ui.common.AccountEntry;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/** The filter controls of the tool bar, each bound to the task list ViewModel: search, status, source, model, dates. */
public final class TaskFilterBar extends HBox {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.tasks.messages");

    private final TaskListViewModel vm;
    private final CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
    private final CheckComboBox<TaskStatus> statusBox = new CheckComboBox<>();
    private final ComboBox<SourceFilter> sourceBox = new ComboBox<>();
    private final ComboBox<String> modelBox = new ComboBox<>();
    private final ComboBox<DateRange> rangeBox = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ObservableList<AccountEntry> accounts;
    private final javafx.scene.control.Button filtersButton = new javafx.scene.control.Button();
    private final javafx.scene.layout.VBox popOverContent = new javafx.scene.layout.VBox();
    private org.controlsfx.control.PopOver popOver;
    private boolean collapsed;
    /** The filter boxes wait outside the scene for the window's first frame (see {@link #attachAfterFirstFrame}). */
    private dev.reelwatch.ui.common.AfterFirstFrame waiting;
    private double expandedWidth;
    private boolean syncing;

    /** How long typing must pause before the search is applied. */
    static final javafx.util.Duration TYPING_PAUSE = javafx.util.Duration.millis(100);

    public TaskFilterBar(TaskListViewModel vm, ObservableList<AccountEntry> accounts) {
        super(8);
        this.vm = vm;
        this.accounts = accounts;
        getStyleClass().add("filter-bar");
        setAlignment(Pos.CENTER_LEFT);

        search.setId("searchField");
        search.getStyleClass().add("search-field");
        search.setPromptText(TEXT.getString("filter.search"));
        search.setLeft(TaskCells.icon("search"));
        bindSearchSettling(vm);

        statusBox.setId("statusFilter");
        statusBox.getItems().setAll(TaskStatus.values());
        statusBox.setConverter(converter(TaskCells::statusText));
        statusBox.getCheckModel().getCheckedItems().addListener((ListChangeListener<TaskStatus>) c -> {
            if (!syncing) {
                syncing = true;
                vm.showStatuses(new ArrayList<>(statusBox.getCheckModel().getCheckedItems()));
                syncing = false;
            }
            updateStatusTitle();
        });
        vm.statuses().addListener((SetChangeListener<TaskStatus>) c -> pullStatuses());
        pullStatuses();

        sourceBox.setId("sourceFilter");
        sourceBox.setConverter(converter(s -> s == null || s.isAll() ? TEXT.getString("filter.source.all") : s.label()));
        sourceBox.valueProperty().bindBidirectional(vm.sourceProperty());
        vm.providers().addListener((Observable o) -> rebuildSources());
        accounts.addListener((Observable o) -> rebuildSources());
        rebuildSources();

        modelBox.setId("modelFilter");
        modelBox.setConverter(converter(m -> m == null ? TEXT.getString("filter.model.all") : m));
        modelBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(item == null ? TEXT.getString("filter.model.all") : item);
            }
        });
        modelBox.valueProperty().bindBidirectional(vm.modelProperty());
        vm.models().addListener((Observable o) -> rebuildModels());
        rebuildModels();

        rangeBox.setId("dateFilter");
        rangeBox.getItems().setAll(DateRange.values());
        rangeBox.setConverter(converter(r -> TEXT.getString("filter.range." + r.name())));
        rangeBox.valueProperty().bindBidirectional(vm.dateRangeProperty());
        from.setPromptText(TEXT.getString("filter.from"));
        to.setPromptText(TEXT.getString("filter.to"));
        from.setPrefWidth(120);
        to.setPrefWidth(120);
        from.valueProperty().bindBidirectional(vm.customFromProperty());
        to.valueProperty().bindBidirectional(vm.customToProperty());
        for (DatePicker p : List.of(from, to)) {
            p.visibleProperty().bind(vm.dateRangeProperty().isEqualTo(DateRange.CUSTOM));
            p.managedProperty().bind(p.visibleProperty());
        }
        getStylesheets().add(Objects.requireNonNull(
                TaskFilterBar.class.getResource("/dev/reelwatch/ui/tasks/tasks.css")).toExternalForm());
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !search.getText().isEmpty()) {
                clearSearch();
                e.consume();
            }
        });
        filtersButton.setId("filtersButton");
        filtersButton.getStyleClass().add("filters-button");
        filtersButton.setGraphic(TaskCells.icon("filter"));
        filtersButton.setOnAction(e -> {
            attachNow();
            if (collapsed) {
                showFiltersPopOver();
            }
        });
        vm.filterProperty().addListener((o, was, now) -> updateFiltersButton(now));
        updateFiltersButton(vm.filterProperty().get());
        getChildren().addAll(search, statusBox, sourceBox, modelBox, rangeBox, from, to);
        widthProperty().addListener((o, was, now) -> fitWidth(now.doubleValue()));
    }

    /**
     * Until the first frame in which {@code ready} holds (the task table painted its first rows), the bar shows
     * the search field and the "Filters" button only. Measuring the filter boxes for the tool bar costs their
     * skins (four drop-down lists, two date pickers): about a fifth of the CSS pass when the window first shows,
     * and wasted in a first-run window, which folds them into the button anyway. Call before the bar is shown.
     */
    public void attachAfterFirstFrame(java.util.function.BooleanSupplier ready) {
        collapsed = true;
        getChildren().setAll(search, filtersButton);
        waiting = dev.reelwatch.ui.common.AfterFirstFrame.watch(this, ready, this::attachFilters);
    }

    /** Whether the filter boxes still wait for the first frame (see {@link #attachAfterFirstFrame}). */
    public boolean filtersWaiting() {
        return waiting != null;
    }

    /** The window is past its start: the filter boxes come in now if they still wait (no pulse may follow a load). */
    public void attachNow() {
        if (waiting != null) {
            waiting.now();
        }
    }

    /** Puts the filter boxes in, styled and measured at once, and folds them again before a frame shows them. */
    private void attachFilters() {
        waiting = null;
        collapsed = false;
        getChildren().setAll(search);
        getChildren().addAll(filterControls());
        applyCss();
        fitWidth(getWidth());
    }

    /** Esc in the search field: empties it and shows every task the other filters allow, at once. */
    public void clearSearch() {
        search.setText("");
        vm.searchTextProperty().set("");
    }

    /**
     * Narrow windows (1024 px with sidebar and detail pane) have no room for five filter boxes: they collapse
     * into one "Filters" button that opens them in a pop-over, and come back when the bar is wide enough.
     */
    private void fitWidth(double width) {
        if (waiting != null) {
            return;
        }
        if (!collapsed) {
            double needed = search.prefWidth(-1) + getSpacing() * 6 + snappedLeftInset() + snappedRightInset();
            for (javafx.scene.Node n : filterControls()) {
                if (n.isManaged()) {
                    needed += Math.max(n.prefWidth(-1), n.minWidth(-1));
                }
            }
            expandedWidth = Math.ceil(needed);
            // Asked for as the bar's preferred width in both modes: the tool bar grants it when it has the room,
            // and then the filters come back.
            setPrefWidth(expandedWidth);
        }
        boolean collapse = width > 0 && width < expandedWidth - 1;
        if (collapse == collapsed) {
            return;
        }
        collapsed = collapse;
        if (collapse) {
            getChildren().setAll(search, filtersButton);
        } else {
            if (popOver != null) {
                popOver.hide();
            }
            popOverContent.getChildren().clear();
            getChildren().setAll(search);
            getChildren().addAll(filterControls());
        }
    }

    private List<javafx.scene.Node> filterControls() {
        return List.of(statusBox, sourceBox, modelBox, rangeBox, from, to);
    }

    /** Whether the filters are folded into the "Filters" button. */
    public boolean isCollapsed() {
        return collapsed;
    }

    private void showFiltersPopOver() {
        if (popOver == null) {
            popOverContent.getStyleClass().add("filters-popover-content");
            popOver = new org.controlsfx.control.PopOver(popOverContent);
            popOver.setArrowLocation(org.controlsfx.control.PopOver.ArrowLocation.TOP_LEFT);
            popOver.setDetachable(false);
            popOver.getRoot().getStylesheets().setAll(getScene() == null ? List.of() : getScene().getStylesheets());
        }
        popOverContent.getChildren().setAll(filterControls());
        popOver.show(filtersButton);
    }

    private void updateFiltersButton(TaskFilter f) {
        int active = (f.statuses().isEmpty() ? 0 : 1) + (f.source().isAll() ? 0 : 1) + (f.model() == null ? 0 : 1)
                + (f.from() == null && f.to() == null ? 0 : 1);
        filtersButton.setText(active == 0 ? TEXT.getString("filter.button")
                : String.format(TEXT.getString("filter.button.active"), active));
    }

    /** Ctrl+F. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /**
     * Typing reaches the ViewModel once it pauses for {@link #TYPING_PAUSE}, so a burst of keystrokes over a large
     * cache filters once rather than once per key; a search set from elsewhere (clear filters) shows at once.
     */
    private void bindSearchSettling(TaskListViewModel model) {
        javafx.animation.PauseTransition typing = new javafx.animation.PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> model.searchTextProperty().set(search.getText()));
        search.setText(model.searchTextProperty().get());
        search.textProperty().addListener((o, was, now) -> {
            if (Objects.equals(now, model.searchTextProperty().get())) {
                typing.stop();
            } else {
                typing.playFromStart();
            }
        });
        model.searchTextProperty().addListener((o, was, now) -> {
            typing.stop();
            if (!Objects.equals(now, search.getText())) {
                search.setText(now);
            }
        });
    }

    public TextField searchField() {
        return search;
    }

    private void pullStatuses() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            for (TaskStatus s : TaskStatus.values()) {
                boolean wanted = vm.statuses().contains(s);
                if (wanted != statusBox.getCheckModel().isChecked(s)) {
                    if (wanted) {
                        statusBox.getCheckModel().check(s);
                    } else {
                        statusBox.getCheckModel().clearCheck(s);
                    }
                }
            }
        } finally {
            syncing = false;
        }
        updateStatusTitle();
    }

    private void updateStatusTitle() {
        List<TaskStatus> checked = statusBox.getCheckModel().getCheckedItems();
        statusBox.setTitle(checked.isEmpty() ? TEXT.getString("filter.allStatuses")
                : checked.size() <= 2 ? String.join(", ", checked.stream().filter(Objects::nonNull)
                .map(TaskCells::statusText).toList())
                : TEXT.getString("filter.statuses") + " (" + checked.size() + ")");
    }

    private void rebuildSources() {
        SourceFilter current = vm.sourceProperty().get();
        List<SourceFilter> items = new ArrayList<>();
        items.add(SourceFilter.ALL);
        List<ProviderKind> kinds = new ArrayList<>(vm.providers());
        accounts.forEach(a -> {
            if (!kinds.contains(a.account().provider())) {
                kinds.add(a.account().provider());
            }
        });
        if (kinds.size() > 1) {
            kinds.stream().sorted().forEach(k -> items.add(SourceFilter.provider(k)));
        }
        accounts.forEach(a -> items.add(SourceFilter.account(a.id(), a.name())));
        if (current != null && !items.contains(current)) {
            items.add(current);
        }
        // Unchanged choices stay as they are: setting them again would clear the value and set it back.
        if (!sourceBox.getItems().equals(items)) {
            sourceBox.getItems().setAll(items);
        }
        sourceBox.setValue(current);
    }

    private void rebuildModels() {
        String current = vm.modelProperty().get();
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(vm.models());
        if (current != null && !items.contains(current)) {
            items.add(current);
        }
        if (!modelBox.getItems().equals(items)) {
            modelBox.getItems().setAll(items);
        }
        modelBox.setValue(current);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
