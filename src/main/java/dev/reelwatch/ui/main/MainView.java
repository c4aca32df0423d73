package dev.reelwatch.ui.main;

import dev.reelwatch.ui.notify.DesktopNotifier;
import dev.reelwatch.ui.bulk.BulkActionsViewModel;
import dev.reelwatch.ui.bulk.BulkMenu;
import dev.reelwatch.ui.bulk.BulkSummaryBar;
import dev.reelwatch.ui.failures.FailuresView;
import dev.reelwatch.ui.failures.FailuresViewModel;
import dev.reelwatch.ui.failures.SubsetChip;
import dev.reelwatch.ui.sidebar.SidebarView;
import dev.reelwatch.ui.tasks.TaskSubset;
import dev.reelwatch.ui.status.StatusBarView;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskFilterBar;
import dev.reelwatch.ui.tasks.TaskGalleryView;
import dev.reelwatch.ui.tasks.TaskTableView;
import dev.reelwatch.ui.theme.ThemeChoice;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * The main window: menu bar and tool bar on top, sidebar | task table | detail pane in a split pane, status
 * bar at the bottom. Only binds to {@link MainViewModel}; the detail pane, welcome view and media feature are
 * handed in by the composition root.
 */
public final class MainView extends BorderPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.main.messages");

    static final double SIDEBAR_WIDTH = 256;
    static final double DETAIL_WIDTH = 420;

    private final MainViewModel vm;
    private final Node detailPane;
    private final Runnable onAddAccount;
    private final TaskTableView table;
    private final TaskFilterBar filters;
    private final SplitPane split = new SplitPane();
    private final StackPane detailHolder = new StackPane();
    private final CheckMenuItem showDetail = new CheckMenuItem();
    private final TaskGalleryView gallery;
    private final MediaHooks media;
    private final StackPane center;
    private final javafx.scene.control.ContextMenu galleryContextMenu;
    private final BorderPane centerArea = new BorderPane();
    private final SidebarView sidebarView;
    private final StatusBarView statusBarView;
    private Consumer<List<Long>> compareAction = ids -> { };
    private Runnable usageAction = () -> { };

    public MainView(MainViewModel vm, Node detailPane, Node welcome, MediaHooks media, Runnable onAddAccount,
                    Consumer<Long> onEditAccount, ServerTaskDeleter deleter) {
        this.vm = vm;
        this.detailPane = detailPane;
        this.onAddAccount = onAddAccount;
        getStyleClass().add("main-view");
        setId("mainView");
        getStylesheets().add(java.util.Objects.requireNonNull(
                MainView.class.getResource("/dev/reelwatch/ui/library/library.css")).toExternalForm());

        this.media = media;
        table = new TaskTableView(vm.tasks(), media, deleter, this::openDetail, onAddAccount, vm::refresh);
        table.setOnCompare(ids -> compareAction.accept(ids));
        galleryContextMenu = galleryMenu();
        gallery = new TaskGalleryView(vm.tasks(), media, this::openDetail, galleryContextMenu);
        filters = new TaskFilterBar(vm.tasks(), vm.accounts().entries());
        SidebarView sidebar = new SidebarView(vm.sidebar(), onAddAccount, onEditAccount);
        sidebar.setPauseActions(vm.pause());
        this.sidebarView = sidebar;

        StackPane center = new StackPane(table, gallery, welcome);
        center.getStyleClass().add("center-area");
        this.center = center;
        // Issue 15: the bulk summary strip goes under the list, the failure-group chip above it.
        centerArea.setCenter(center);
        welcome.visibleProperty().bind(vm.showWelcomeBinding());
        table.visibleProperty().bind(vm.showWelcomeBinding().not().and(vm.galleryModeProperty().not()));
        gallery.visibleProperty().bind(vm.showWelcomeBinding().not().and(vm.galleryModeProperty()));
        vm.galleryModeProperty().addListener((o, was, now) -> {
            if (!now) {
                // Back to rows: the table shows what was picked in the gallery.
                table.select(List.copyOf(vm.tasks().selectedIds()));
            }
        });

        detailHolder.getStyleClass().add("detail-holder");
        detailHolder.getChildren().add(detailPane);
        detailHolder.setMinWidth(260);
        split.getStyleClass().add("main-split");
        split.getItems().addAll(sidebar, centerArea, detailHolder);
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane.setResizableWithParent(detailHolder, false);
        restoreDividers();

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(split);
        statusBarView = new StatusBarView(vm.statusBar());
        statusBarView.showSelectionAndPause(vm.selectionSummary(), vm.pause());
        setBottom(statusBarView);
        vm.addProblemListener(this::showProblem);

        vm.tasks().addProblemListener(this::showProblem);
        new DesktopNotifier(vm.notifications(), () -> getScene() == null ? null : getScene().getWindow(),
                () -> vm.theme().darkProperty().get(), id -> {
            table.select(List.of(id));
            openDetail();
        });
    }

    /** A scene holding this view, with the theme applied now and on every switch. */
    public Scene createScene() {
        WindowPlacement p = vm.savedPlacement().orElseGet(MainView::firstRunPlacement);
        Scene scene = new Scene(this, p.width(), p.height());
        ThemeStylesheets.follow(scene, vm.theme());
        return scene;
    }

    /** Puts the window where it was last time and remembers where it goes. Call before showing it. */
    public void bindWindow(Stage stage) {
        vm.savedPlacement().ifPresentOrElse(p -> {
            boolean visible = Screen.getScreensForRectangle(new Rectangle2D(p.x(), p.y(), p.width(), p.height()))
                    .stream().findAny().isPresent();
            if (visible) {
                stage.setX(p.x());
                stage.setY(p.y());
            }
            stage.setWidth(p.width());
            stage.setHeight(p.height());
            stage.setMaximized(p.maximized());
        }, () -> {
            WindowPlacement first = firstRunPlacement();
            stage.setX(first.x());
            stage.setY(first.y());
            stage.setWidth(first.width());
            stage.setHeight(first.height());
        });
        // Start with the keyboard in the task list (arrows, Enter), not in the search box.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> table.table().requestFocus());
        InvalidationListener save = o -> {
            if (!stage.isIconified() && stage.getWidth() > 0) {
                if (stage.isMaximized()) {
                    vm.savedPlacement().ifPresentOrElse(
                            old -> vm.savePlacement(new WindowPlacement(old.x(), old.y(), old.width(), old.height(),
                                    true)),
                            () -> {
                                WindowPlacement first = firstRunPlacement();
                                vm.savePlacement(new WindowPlacement(first.x(), first.y(), first.width(),
                                        first.height(), true));
                            });
                } else {
                    vm.savePlacement(new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(),
                            stage.getHeight(), false));
                }
            }
        };
        stage.xProperty().addListener(save);
        stage.yProperty().addListener(save);
        stage.widthProperty().addListener(save);
        stage.heightProperty().addListener(save);
        stage.maximizedProperty().addListener(save);
    }

    /** Most of the primary screen's usable area, centred: a first window that is neither a postage stamp nor a wall. */
    private static WindowPlacement firstRunPlacement() {
        Rectangle2D area = Screen.getPrimary().getVisualBounds();
        return WindowPlacement.firstRun(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
    }

    public TaskTableView taskTable() {
        return table;
    }

    public TaskFilterBar filterBar() {
        return filters;
    }

    /** Enter: shows the detail pane if it was hidden and moves the keyboard focus into it. */
    public void openDetail() {
        if (!split.getItems().contains(detailHolder)) {
            showDetail.setSelected(true);
        }
        detailPane.requestFocus();
    }

    /** "Compare…" (table and gallery menus, View menu) opens these tasks side by side. */
    public void setOnCompare(Consumer<List<Long>> action) {
        this.compareAction = action;
    }

    /** View ▸ Usage… (Ctrl+U). */
    public void setOnUsage(Runnable action) {
        this.usageAction = action;
    }

    public TaskGalleryView gallery() {
        return gallery;
    }

    /** The selected tasks of whichever of table and gallery is showing, the focused one last. */
    public List<Long> selectedIds() {
        return vm.galleryModeProperty().get() ? List.copyOf(vm.tasks().selectedIds()) : table.selectedIds();
    }

    private javafx.scene.control.ContextMenu galleryMenu() {
        MenuItem open = item("menu.open", null, this::openDetail);
        MenuItem compare = item("menu.compare", null, () -> compareAction.accept(selectedIds()));
        MenuItem star = item("menu.star", null, () -> vm.tasks().toggleStar(selectedIds()));
        MenuItem tag = item("menu.addTag", null, () -> table.askTag(selectedIds()));
        MenuItem export = item("menu.export", null, () -> {
            if (!selectedIds().isEmpty()) {
                media.exportTasks(selectedIds(), getScene() == null ? null : getScene().getWindow());
            }
        });
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(open, compare,
                new SeparatorMenuItem(), star, tag, new SeparatorMenuItem(), export);
        menu.setOnShowing(e -> {
            List<Long> ids = selectedIds();
            var rows = vm.tasks().rowsFor(ids);
            menu.getItems().forEach(m -> m.setDisable(ids.isEmpty()));
            compare.setDisable(!TaskTableView.canCompare(rows));
            star.setText(TEXT.getString(!rows.isEmpty() && rows.stream().allMatch(r -> r.starred())
                    ? "menu.unstar" : "menu.star"));
        });
        return menu;
    }

    // ---- layout pieces -------------------------------------------------------------------------------

    private HBox toolBar() {
        Button refresh = new Button(TEXT.getString("toolbar.refresh"), icon("refresh"));
        refresh.setId("refreshButton");
        refresh.setTooltip(new Tooltip(TEXT.getString("toolbar.refresh.tooltip")));
        refresh.setOnAction(e -> vm.refresh());
        Button add = new Button(TEXT.getString("toolbar.addAccount"), icon("plus"));
        add.setId("addAccountButton");
        add.getStyleClass().add("primary");
        add.setOnAction(e -> onAddAccount.run());
        // The filters give way when the window narrows; the two commands always show their whole names.
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(filters, Priority.SOMETIMES);
        filters.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.ToggleButton grid = new javafx.scene.control.ToggleButton(null, icon("grid"));
        grid.setId("galleryToggle");
        grid.getStyleClass().add("gallery-toggle");
        grid.setTooltip(new Tooltip(TEXT.getString("toolbar.gallery.tooltip")));
        grid.selectedProperty().bindBidirectional(vm.galleryModeProperty());
        grid.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(filters, spacer, grid, refresh, add);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private MenuBar menuBar() {
        MenuItem addAccount = item("menu.addAccount", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                onAddAccount);
        MenuItem refresh = item("menu.refresh", new KeyCodeCombination(KeyCode.F5), vm::refresh);
        MenuItem export = item("menu.export", null, table::exportSelected);
        MenuItem quit = item("menu.quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                this::closeWindow);
        Menu file = new Menu(TEXT.getString("menu.file"), null, addAccount, refresh, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), quit);

        MenuItem find = item("menu.find", new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                filters::focusSearch);
        MenuItem clear = item("menu.clearFilters", null, vm.tasks()::clearFilters);
        MenuItem remove = item("menu.remove", null, table::confirmRemove);
        Menu edit = new Menu(TEXT.getString("menu.edit"), null, find, clear, new SeparatorMenuItem(), remove);

        ToggleGroup themes = new ToggleGroup();
        Menu theme = new Menu(TEXT.getString("menu.theme"));
        for (ThemeChoice c : ThemeChoice.values()) {
            RadioMenuItem r = new RadioMenuItem(TEXT.getString("theme." + c.name()));
            r.setId("theme-" + c.name());
            r.setToggleGroup(themes);
            r.setSelected(vm.theme().choiceProperty().get() == c);
            r.setOnAction(e -> vm.theme().choiceProperty().set(c));
            theme.getItems().add(r);
        }
        vm.theme().choiceProperty().addListener((obs, was, now) -> themes.getToggles().forEach(t ->
                t.setSelected(((RadioMenuItem) t).getId().equals("theme-" + now.name()))));
        CheckMenuItem notify = new CheckMenuItem(TEXT.getString("menu.notifications"));
        notify.setId("menu-notifications");
        notify.selectedProperty().bindBidirectional(vm.notifications().enabledProperty());
        showDetail.setText(TEXT.getString("menu.showDetail"));
        showDetail.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        showDetail.setSelected(true);
        showDetail.selectedProperty().addListener((obs, was, now) -> setDetailShown(now));
        // The welcome screen has no task to detail: it gets the detail pane's room until tasks arrive.
        vm.showWelcomeBinding().addListener((obs, was, now) -> setDetailShown(showDetail.isSelected()));
        CheckMenuItem galleryItem = new CheckMenuItem(TEXT.getString("menu.gallery"));
        galleryItem.setId("menu-gallery");
        galleryItem.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN));
        galleryItem.selectedProperty().bindBidirectional(vm.galleryModeProperty());
        MenuItem usage = item("menu.usage", new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN),
                () -> usageAction.run());
        MenuItem compare = item("menu.compare", null, () -> compareAction.accept(selectedIds()));
        CheckMenuItem pauseAll = new CheckMenuItem(TEXT.getString("menu.pauseAll"));
        pauseAll.setId("menu-pauseAll");
        pauseAll.setSelected(vm.pause().allPausedProperty().get());
        vm.pause().allPausedProperty().addListener((o, was, now) -> pauseAll.setSelected(now));
        pauseAll.setOnAction(e -> vm.pause().setAllPaused(pauseAll.isSelected()));
        Menu view = new Menu(TEXT.getString("menu.view"), null, theme, notify, new SeparatorMenuItem(), showDetail,
                galleryItem, new SeparatorMenuItem(), compare, usage, new SeparatorMenuItem(), pauseAll);
        view.setOnShowing(e -> compare.setDisable(!TaskTableView.canCompare(vm.tasks().rowsFor(selectedIds()))));

        MenuBar bar = new MenuBar(file, edit, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void setDetailShown(boolean wanted) {
        boolean shown = wanted && !vm.showWelcomeBinding().get();
        List<Double> before = positions();
        if (shown && !split.getItems().contains(detailHolder)) {
            split.getItems().add(detailHolder);
            List<Double> saved = vm.savedDividers();
            double[] positions = saved.size() == 2 ? new double[]{saved.get(0), saved.get(1)}
                    : defaultDividers(split.getWidth() > 0 ? split.getWidth() : 1280);
            split.setDividerPositions(positions);
        } else if (!shown && split.getItems().contains(detailHolder)) {
            if (before.size() == 2 && !wanted) {
                vm.saveDividers(before);
            }
            split.getItems().remove(detailHolder);
        }
    }

    private void restoreDividers() {
        List<Double> saved = vm.savedDividers();
        double[] positions = saved.size() == 2 ? new double[]{saved.get(0), saved.get(1)}
                : defaultDividers(1280);
        split.setDividerPositions(positions);
        // Save only once the window is laid out: the first layout moves dividers on its own.
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> {
                    if (saved.size() != 2 && scene.getWidth() > 0) {
                        double[] fitted = defaultDividers(scene.getWidth());
                        positions[0] = fitted[0];
                        positions[1] = fitted[1];
                    }
                    split.setDividerPositions(positions);
                    InvalidationListener save = o -> {
                        if (split.getItems().size() == 3) {
                            vm.saveDividers(positions());
                        }
                    };
                    split.getDividers().forEach(d -> d.positionProperty().addListener(save));
                    // Hiding and showing the detail pane replaces the dividers: follow the new ones too.
                    split.getDividers().addListener((javafx.collections.ListChangeListener<SplitPane.Divider>) c -> {
                        while (c.next()) {
                            c.getAddedSubList().forEach(d -> d.positionProperty().addListener(save));
                        }
                    });
                });
            }
        });
    }

    /** First-run panes in pixels, whatever the window width: a sidebar that fits its names, a roomy detail pane. */
    static double[] defaultDividers(double width) {
        double sidebar = SIDEBAR_WIDTH;
        double detail = Math.min(DETAIL_WIDTH, Math.max(300, width * 0.3));
        return new double[]{sidebar / width, 1 - detail / width};
    }

    private List<Double> positions() {
        List<Double> out = new ArrayList<>();
        for (double d : split.getDividerPositions()) {
            out.add(d);
        }
        return out;
    }

    private void closeWindow() {
        Window w = getScene() == null ? null : getScene().getWindow();
        if (w != null) {
            WindowEvent close = new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST);
            w.fireEvent(close);
            if (!close.isConsumed()) {
                w.hide();
            }
        }
    }

    private void showProblem(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(TEXT.getString("problem.header"));
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        alert.show();
    }

    // ---- issue 15: bulk actions and the Failures view, handed in by the composition root -------------------

    /** The table's and gallery's multi-selection commands run as batches; the summary strip shows under the list. */
    public void useBulkActions(BulkActionsViewModel bulk) {
        table.useBulkActions(bulk);
        javafx.scene.control.ContextMenu galleryMenu = galleryContextMenu;
        if (galleryMenu != null) {
            galleryMenu.getItems().removeIf(m -> "menu-star".equals(m.getId()) || "menu-addTag".equals(m.getId())
                    || "menu-export".equals(m.getId()));
            while (!galleryMenu.getItems().isEmpty()
                    && galleryMenu.getItems().get(galleryMenu.getItems().size() - 1) instanceof SeparatorMenuItem) {
                galleryMenu.getItems().remove(galleryMenu.getItems().size() - 1);
            }
            galleryMenu.getItems().add(new SeparatorMenuItem());
            galleryMenu.getItems().addAll(BulkMenu.items(bulk, this::selectedIds, false));
        }
        centerArea.setBottom(new BulkSummaryBar(bulk));
    }

    /**
     * The sidebar's "Failures" line shows the grouped view in place of the list; choosing a group narrows the list
     * to its tasks, with a chip above it to go back.
     */
    public void useFailures(FailuresViewModel failures) {
        FailuresView view = new FailuresView(failures);
        center.getChildren().add(view);
        javafx.beans.binding.BooleanBinding shown = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var s = vm.sidebar().selectionProperty().get();
            return s != null && s.isFailures() && s.failures().isEmpty();
        }, vm.sidebar().selectionProperty());
        view.visibleProperty().bind(shown.and(vm.showWelcomeBinding().not()));
        table.visibleProperty().unbind();
        gallery.visibleProperty().unbind();
        table.visibleProperty().bind(vm.showWelcomeBinding().not().and(vm.galleryModeProperty().not())
                .and(shown.not()));
        gallery.visibleProperty().bind(vm.showWelcomeBinding().not().and(vm.galleryModeProperty()).and(shown.not()));
        shown.addListener((o, was, now) -> {
            if (now) {
                failures.reload();
            }
        });
        failures.setOnChoose((group, label) -> {
            vm.sidebar().showFailureGroup(group.key(), new TaskSubset(label, java.util.Set.copyOf(group.taskIds())));
            table.table().requestFocus();
        });
        centerArea.setTop(new SubsetChip(vm.tasks().subsetProperty(),
                () -> vm.sidebar().selectionProperty().set(dev.reelwatch.ui.sidebar.SidebarSelection.FAILURES),
                () -> vm.sidebar().selectionProperty().set(dev.reelwatch.ui.sidebar.SidebarSelection.ALL)));
        sidebarView.showFailureGroupCount(failures.groupCountProperty());
        failures.reload();
    }

    private static MenuItem item(String key, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem(TEXT.getString(key));
        m.setId(key.replace("menu.", "menu-"));
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private static Region icon(String name) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", "icon-" + name);
        return r;
    }
}
