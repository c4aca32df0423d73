package dev.reelwatch.ui.main;

import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.notify.OsNotifier;
import dev.reelwatch.ui.bulk.BulkActionsViewModel;
import dev.reelwatch.ui.bulk.BulkMenu;
import dev.reelwatch.ui.failures.FailuresViewModel;
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
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.controlsfx.control.NotificationPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The main window: menu bar and tool bar on top, sidebar | task table | detail pane in a split pane, status
 * bar at the bottom. Only binds to {@link MainViewModel}; the detail pane, welcome view and media feature are
 * handed in by the composition root.
 */
public final class MainView extends BorderPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.main.messages");

    static final double SIDEBAR_WIDTH = 256;
    static final double NARROW_SIDEBAR_WIDTH = 210;
    static final double MIN_SIDEBAR = 180;
    /** Narrower than this, a window is still being sized (or a test's stub): pane widths are not learnt from it. */
    static final double MIN_LAYOUT_WIDTH = 700;
    static final double DEFAULT_LAYOUT_WIDTH = 1024;
    static final double MIN_DETAIL = 240;
    static final double DETAIL_WIDTH = 420;

    private final MainViewModel vm;
    private final Node detailPane;
    private final Runnable onAddAccount;
    private final TaskTableView table;
    private final TaskFilterBar filters;
    private final SplitPane split = new SplitPane();
    private final StackPane detailHolder = new StackPane();
    private final CheckMenuItem showDetail = new CheckMenuItem();
    private final CheckMenuItem showSidebar = new CheckMenuItem();
    private final SidebarView sidebar;
    private final VBox center;
    private final TaskGalleryView gallery;
    private final MediaHooks media;
    private final Consumer<Long> onEditAccount;
    private final NotificationPane notificationPane;
    private final ShortcutsWindow shortcutsWindow = new ShortcutsWindow();
    private final boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    private final DialogService dialogs;
    private final StackPane lists;
    private final javafx.scene.control.ContextMenu galleryContextMenu;
    private final BorderPane centerArea = new BorderPane();
    private final StatusBarView statusBarView;
    private Consumer<List<Long>> compareAction = ids -> { };
    private Runnable usageAction = () -> { };
    private Runnable preferencesAction = () -> { };
    private Runnable accountsAction;
    private AboutInfo about;
    private OsNotifier osNotifier = OsNotifier.NONE;
    /** Pane widths in pixels, kept while a pane is hidden so it comes back as wide as it was. */
    private double sidebarWidth = -1;
    private double detailWidth = -1;
    private boolean arranging;
    /** The mouse is pressed on one of the split pane's dividers. */
    private boolean draggingDivider;
    private Runnable rulesAction = () -> { };
    private javafx.beans.binding.BooleanBinding failuresShown;
    private Consumer<List<Long>> historyExportAction = ids -> { };

    /**
     * The views of the main window's parts, created by {@link MainWindowFactory}; the detail pane, welcome view
     * and media feature come from the composition root.
     */
    record Parts(TaskTableView table, TaskGalleryView gallery, TaskFilterBar filters, SidebarView sidebar,
                 StatusBarView statusBar, Node accountProblem, Node detailPane, Node welcome,
                 MediaHooks media, Runnable onAddAccount, Consumer<Long> onEditAccount, DialogService dialogs) {
    }

    MainView(MainViewModel vm, Parts parts) {
        this.vm = vm;
        this.dialogs = parts.dialogs();
        this.detailPane = parts.detailPane();
        this.onAddAccount = parts.onAddAccount();
        this.onEditAccount = parts.onEditAccount();
        this.accountsAction = onAddAccount;
        Node welcome = parts.welcome();
        getStyleClass().add("main-view");
        setId("mainView");
        getStylesheets().add(java.util.Objects.requireNonNull(
                MainView.class.getResource("/dev/reelwatch/ui/library/library.css")).toExternalForm());
        getStylesheets().add(java.util.Objects.requireNonNull(
                MainView.class.getResource("/dev/reelwatch/ui/main/main.css")).toExternalForm());

        this.media = parts.media();
        table = parts.table();
        table.setOnCompare(ids -> compareAction.accept(ids));
        galleryContextMenu = galleryMenu();
        gallery = parts.gallery();
        gallery.setContextMenu(galleryContextMenu);
        filters = parts.filters();
        sidebar = parts.sidebar();

        lists = new StackPane(table, gallery, welcome);
        VBox.setVgrow(lists, Priority.ALWAYS);
        // A failing account's problem sits over its tasks; with none cached it takes their place, so the user
        // sees what is wrong instead of an empty "Nothing matches".
        Node problem = parts.accountProblem();
        HBox problemHolder = new HBox(problem);
        problemHolder.getStyleClass().add("account-problem-holder");
        problemHolder.visibleProperty().bind(problem.visibleProperty());
        problemHolder.managedProperty().bind(problem.visibleProperty());
        javafx.beans.binding.BooleanBinding problemAlone = problem.visibleProperty()
                .and(vm.tasks().visibleCountProperty().isEqualTo(0));
        lists.visibleProperty().bind(problemAlone.not());
        lists.managedProperty().bind(lists.visibleProperty());
        problemAlone.addListener((o, was, now) -> {
            problemHolder.getStyleClass().remove("alone");
            if (now) {
                problemHolder.getStyleClass().add("alone");
            }
        });
        VBox center = new VBox(problemHolder, lists);
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
        detailHolder.setMinWidth(MIN_DETAIL);
        split.getStyleClass().add("main-split");
        split.getItems().addAll(sidebar, centerArea, detailHolder);
        SplitPane.setResizableWithParent(sidebar, false);
        SplitPane.setResizableWithParent(detailHolder, false);
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> draggingDivider = onDivider(e.getTarget()));
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> draggingDivider = false);
        // A resized window keeps its side panes as wide as they were: while a window manager sizes a new window
        // the split pane alone would squeeze them and leave them where they ended up.
        split.widthProperty().addListener((o, was, now) -> {
            if (sidebarWidth > 0 && !draggingDivider && now.doubleValue() >= MIN_LAYOUT_WIDTH) {
                arranging = true;
                try {
                    applyWidths(now.doubleValue());
                } finally {
                    arranging = false;
                }
            }
        });
        restoreDividers();

        setTop(new VBox(menuBar(), toolBar(), problemBanner()));
        notificationPane = new NotificationPane(split);
        notificationPane.getStyleClass().add("main-notifications");
        setCenter(notificationPane);
        statusBarView = parts.statusBar();
        setBottom(statusBarView);
        // The problem panel's "2 min ago" follows the status bar's clock tick.
        vm.statusBar().lastSyncTextProperty().addListener((o, was, now) -> vm.accountProblem().update());

        vm.tasks().addProblemListener(this::showProblem);
    }

    /** The OS notifications the in-window notifier falls back on: whatever {@link #setOsNotifier} set last. */
    OsNotifier osNotifier() {
        return new OsNotifier() {
            @Override
            public boolean available() {
                return osNotifier.available();
            }

            @Override
            public void show(String title, String text, boolean failure) {
                osNotifier.show(title, text, failure);
            }
        };
    }

    /** A scene holding this view, with the theme applied now and on every switch. */
    public Scene createScene() {
        WindowPlacement p = MainWindowPlacer.opening(vm.savedPlacement());
        Scene scene = new Scene(this, p.width(), p.height());
        ThemeStylesheets.follow(scene, vm.theme());
        return scene;
    }

    /** Puts the window where it was last time (when sane) and remembers where it goes. Call before showing it. */
    public void bindWindow(Stage stage) {
        new MainWindowPlacer(stage, vm.savedPlacement(), vm::savePlacement).attach();
        // Start with the keyboard in the task list (arrows, Enter), not in the search box.
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> table.table().requestFocus());
    }

    public TaskTableView taskTable() {
        return table;
    }

    public TaskFilterBar filterBar() {
        return filters;
    }

    /** Enter: shows the detail pane if it was hidden and moves the keyboard focus into it. */
    public void openDetail() {
        vm.detailShownProperty().set(true);
        detailPane.requestFocus();
    }

    /** "Compare…" (table and gallery menus, View menu) opens these tasks side by side. */
    public void setOnCompare(Consumer<List<Long>> action) {
        this.compareAction = action;
    }

    /** File ▸ Preferences… (Ctrl+,), or the app menu's Preferences on macOS. */
    public void setOnPreferences(Runnable action) {
        this.preferencesAction = action;
    }

    /** File ▸ Accounts… (Ctrl+Shift+A); until set, the same as Add account. */
    public void setOnAccounts(Runnable action) {
        this.accountsAction = action;
    }

    /** What Help ▸ About shows. */
    public void setAbout(AboutInfo info) {
        this.about = info;
    }

    /** The OS notifications used while the window is in the background (none until set). */
    public void setOsNotifier(OsNotifier notifier) {
        this.osNotifier = notifier;
    }

    /** The in-window notification bar (at most one notice, updated in place). */
    public NotificationPane notificationPane() {
        return notificationPane;
    }

    /** View ▸ Usage… (Ctrl+U). */
    public void setOnUsage(Runnable action) {
        this.usageAction = action;
    }

    /** "Tools → Rules…" opens the rules editor. */
    public void setOnRules(Runnable action) {
        this.rulesAction = action;
    }

    /** "File → Export history…" gets the ids of the rows the current filter shows, in their order. */
    public void setOnExportHistory(Consumer<List<Long>> action) {
        this.historyExportAction = action;
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
        ToggleButton sidebarToggle = paneToggle("sidebarToggle", "sidebar", "toolbar.sidebar.tooltip",
                Shortcut.SHOW_SIDEBAR);
        sidebarToggle.selectedProperty().bindBidirectional(vm.sidebarShownProperty());
        ToggleButton grid = new ToggleButton(null, icon("grid"));
        grid.setId("galleryToggle");
        grid.getStyleClass().add("gallery-toggle");
        grid.setTooltip(new Tooltip(TEXT.getString("toolbar.gallery.tooltip")));
        grid.selectedProperty().bindBidirectional(vm.galleryModeProperty());
        grid.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton detailToggle = paneToggle("detailToggle", "detail", "toolbar.detail.tooltip",
                Shortcut.SHOW_DETAIL);
        detailToggle.selectedProperty().bindBidirectional(vm.detailShownProperty());
        HBox bar = new HBox(sidebarToggle, filters, spacer, grid, detailToggle, refresh, add);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    private static ToggleButton paneToggle(String id, String iconName, String tooltipKey, Shortcut shortcut) {
        ToggleButton t = new ToggleButton(null, icon(iconName));
        t.setId(id);
        t.getStyleClass().add("pane-toggle");
        t.setTooltip(new Tooltip(String.format(TEXT.getString(tooltipKey), shortcut.displayText())));
        t.setMinWidth(Region.USE_PREF_SIZE);
        return t;
    }

    private MenuBar menuBar() {
        MenuItem addAccount = item("menu.addAccount", Shortcut.ADD_ACCOUNT, onAddAccount);
        MenuItem accounts = item("menu.accounts", Shortcut.ACCOUNTS, () -> accountsAction.run());
        MenuItem refresh = item("menu.refresh", Shortcut.REFRESH, vm::refresh);
        MenuItem export = item("menu.export", Shortcut.EXPORT, table::exportSelected);
        MenuItem preferences = item("menu.preferences", Shortcut.PREFERENCES, () -> preferencesAction.run());
        MenuItem quit = item("menu.quit", Shortcut.QUIT, this::closeWindow);
        MenuItem about = item("menu.about", null, this::showAbout);
        MenuItem exportHistory = item("menu.exportHistory", null, () -> historyExportAction.accept(
                vm.tasks().visibleRows().stream().map(r -> r.id()).toList()));
        exportHistory.setId("menu-export-history");
        Menu file = new Menu(TEXT.getString("menu.file"), null, addAccount, accounts, new SeparatorMenuItem(), refresh,
                new SeparatorMenuItem(), export, exportHistory);
        if (!mac) {
            // Linux and Windows keep Preferences and Quit in File; macOS has them in the app menu below.
            file.getItems().addAll(new SeparatorMenuItem(), preferences, new SeparatorMenuItem(), quit);
        }

        MenuItem find = item("menu.find", Shortcut.FIND, filters::focusSearch);
        MenuItem clear = item("menu.clearFilters", null, vm.tasks()::clearFilters);
        // No Delete accelerator here: the task table handles Delete itself, and a menu-wide one would fire
        // while typing in the search field.
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
        showSidebar.setText(TEXT.getString("menu.showSidebar"));
        showSidebar.setId("menu-showSidebar");
        showSidebar.setAccelerator(Shortcut.SHOW_SIDEBAR.keys());
        showSidebar.selectedProperty().bindBidirectional(vm.sidebarShownProperty());
        showDetail.setText(TEXT.getString("menu.showDetail"));
        showDetail.setId("menu-showDetail");
        showDetail.setAccelerator(Shortcut.SHOW_DETAIL.keys());
        showDetail.selectedProperty().bindBidirectional(vm.detailShownProperty());
        vm.sidebarShownProperty().addListener((obs, was, now) -> arrangePanes());
        vm.detailShownProperty().addListener((obs, was, now) -> arrangePanes());
        // The welcome screen has no task to detail: it gets the detail pane's room until tasks arrive.
        vm.showWelcomeBinding().addListener((obs, was, now) -> arrangePanes());
        CheckMenuItem galleryItem = new CheckMenuItem(TEXT.getString("menu.gallery"));
        galleryItem.setId("menu-gallery");
        galleryItem.setAccelerator(Shortcut.GALLERY.keys());
        galleryItem.selectedProperty().bindBidirectional(vm.galleryModeProperty());
        MenuItem usage = item("menu.usage", Shortcut.USAGE, () -> usageAction.run());
        MenuItem compare = item("menu.compare", null, () -> compareAction.accept(selectedIds()));
        CheckMenuItem pauseAll = new CheckMenuItem(TEXT.getString("menu.pauseAll"));
        pauseAll.setId("menu-pauseAll");
        pauseAll.setSelected(vm.pause().allPausedProperty().get());
        vm.pause().allPausedProperty().addListener((o, was, now) -> pauseAll.setSelected(now));
        pauseAll.setOnAction(e -> vm.pause().setAllPaused(pauseAll.isSelected()));
        Menu view = new Menu(TEXT.getString("menu.view"), null, theme, notify, new SeparatorMenuItem(), showSidebar,
                showDetail, galleryItem, new SeparatorMenuItem(), compare, usage, new SeparatorMenuItem(), pauseAll);
        view.setOnShowing(e -> compare.setDisable(!TaskTableView.canCompare(vm.tasks().rowsFor(selectedIds()))));

        MenuItem shortcuts = item("menu.shortcuts", Shortcut.SHORTCUTS, this::showShortcuts);
        Menu help = new Menu(TEXT.getString("menu.help"), null, shortcuts);
        MenuBar bar = new MenuBar();
        if (mac) {
            // JavaFX cannot add items to macOS's own application menu; the first menu of the system menu bar,
            // named after the app, holds what the application menu would (see docs/ARCHITECTURE.md).
            Menu app = new Menu(TEXT.getString("menu.app"), null, about, new SeparatorMenuItem(), preferences,
                    new SeparatorMenuItem(), quit);
            bar.getMenus().add(app);
        } else {
            help.getItems().addAll(new SeparatorMenuItem(), about);
        }
        MenuItem rules = item("menu.rules", null, () -> rulesAction.run());
        rules.setId("menu-rules");
        Menu tools = new Menu(TEXT.getString("menu.tools"), null, rules);
        bar.getMenus().addAll(file, edit, view, tools, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** Help → About: version, data directory and the bundled libraries' licences. */
    private void showAbout() {
        if (about == null) {
            return;
        }
        StringBuilder libraries = new StringBuilder();
        for (AboutInfo.BundledLibrary l : about.libraries()) {
            libraries.append(libraries.length() == 0 ? "" : "\n")
                    .append(String.format(TEXT.getString("about.library"), l.name(), l.licence()));
        }
        dialogs.showInfo(TEXT.getString("about.title"), String.format(TEXT.getString("about.text"), about.name(),
                about.version(), about.dataDir(), libraries));
    }

    private void showShortcuts() {
        Window owner = getScene() == null ? null : getScene().getWindow();
        shortcutsWindow.show(owner, scene -> ThemeStylesheets.follow(scene, vm.theme()));
    }

    /**
     * Puts sidebar, task list and detail pane into the split pane as the toggles say, each shown pane as wide
     * as it was last time (in pixels), so the task list gets all the room a hidden pane leaves.
     */
    private void arrangePanes() {
        double width = paneAreaWidth();
        boolean side = vm.sidebarShownProperty().get();
        boolean detail = vm.detailShownProperty().get() && !vm.showWelcomeBinding().get();
        List<Node> wanted = new ArrayList<>();
        if (side) {
            wanted.add(sidebar);
        }
        wanted.add(centerArea);
        if (detail) {
            wanted.add(detailHolder);
        }
        arranging = true;
        try {
            if (!split.getItems().equals(wanted)) {
                split.getItems().setAll(wanted);
            }
            applyWidths(width);
        } finally {
            arranging = false;
        }
        applyWidthsAfterNextLayout();
    }

    /**
     * The split pane's skin places the dividers of panes it has not laid out yet from their preferred widths
     * (the detail placeholder's 340 px) at its next layout, undoing {@link #applyWidths}: set them again after it.
     */
    private void applyWidthsAfterNextLayout() {
        Scene scene = getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            arranging = true;
            try {
                applyWidths(paneAreaWidth());
            } finally {
                arranging = false;
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private double paneAreaWidth() {
        if (split.getWidth() > 0) {
            return split.getWidth();
        }
        return getScene() != null && getScene().getWidth() > 0 ? getScene().getWidth() : 1280;
    }

    /** Reads the pane widths off the dividers as they are now. */
    private void rememberWidths(double width) {
        double[] d = split.getDividerPositions();
        List<Node> items = split.getItems();
        // A window this narrow is one the window manager has not sized yet: its panes say nothing.
        if (d.length == 0 || width < MIN_LAYOUT_WIDTH) {
            return;
        }
        // While the window manager sizes the window the split pane squeezes panes to a pixel on its own: a width
        // under a pane's minimum is not one the user chose, and would be restored as the split pane then clamps it.
        if (items.get(0) == sidebar && d[0] * width >= MIN_SIDEBAR) {
            sidebarWidth = d[0] * width;
        }
        if (items.get(items.size() - 1) == detailHolder && (1 - d[d.length - 1]) * width >= MIN_DETAIL) {
            detailWidth = (1 - d[d.length - 1]) * width;
        }
    }

    private void applyWidths(double width) {
        double[] defaults = defaultDividers(width);
        double side = sidebarWidth > 0 ? sidebarWidth : defaults[0] * width;
        double detail = detailWidth > 0 ? detailWidth : (1 - defaults[1]) * width;
        // Whatever was remembered, the task list keeps at least a third of the window.
        double room = width / 3;
        if (width - side - detail < room) {
            double scale = (width - room) / Math.max(1, side + detail);
            side *= scale;
            detail *= scale;
        }
        boolean hasSide = split.getItems().get(0) == sidebar;
        boolean hasDetail = split.getItems().get(split.getItems().size() - 1) == detailHolder;
        // The split pane's skin falls back on the panes' preferred widths when their content changes (the detail
        // pane is built after the first frame, its placeholder preferring 340 px): make those the widths we want.
        sidebar.setPrefWidth(side);
        detailHolder.setPrefWidth(detail);
        if (hasSide && hasDetail) {
            split.setDividerPositions(side / width, 1 - detail / width);
        } else if (hasSide) {
            split.setDividerPositions(side / width);
        } else if (hasDetail) {
            split.setDividerPositions(1 - detail / width);
        }
    }

    private void restoreDividers() {
        List<Double> saved = vm.savedDividers();
        split.setDividerPositions(saved.size() == 2 ? new double[]{saved.get(0), saved.get(1)} : defaultDividers(1280));
        // Sized once the window is laid out: the first layout moves dividers on its own.
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                Platform.runLater(() -> {
                    double width = paneAreaWidth();
                    if (saved.size() == 2) {
                        // Fractions saved in a window of another size: kept only while they make sane panes.
                        double side = saved.get(0) * width;
                        double detail = (1 - saved.get(1)) * width;
                        boolean real = width >= MIN_LAYOUT_WIDTH;
                        sidebarWidth = real && side >= MIN_SIDEBAR && side <= width / 3 ? side : -1;
                        detailWidth = real && detail >= MIN_DETAIL && detail <= width / 2 ? detail : -1;
                    }
                    arranging = true;
                    try {
                        split.getItems().setAll(sidebar, centerArea, detailHolder);
                    } finally {
                        arranging = false;
                    }
                    double laidOut = Math.max(width, DEFAULT_LAYOUT_WIDTH);
                    sidebarWidth = sidebarWidth > 0 ? sidebarWidth : defaultDividers(laidOut)[0] * laidOut;
                    detailWidth = detailWidth > 0 ? detailWidth : (1 - defaultDividers(laidOut)[1]) * laidOut;
                    arranging = true;
                    try {
                        applyWidths(width);
                    } finally {
                        arranging = false;
                    }
                    arrangePanes();
                    InvalidationListener save = o -> saveWidths();
                    split.getDividers().forEach(d -> d.positionProperty().addListener(save));
                    // Hiding and showing a pane replaces the dividers: follow the new ones too.
                    split.getDividers().addListener((javafx.collections.ListChangeListener<SplitPane.Divider>) c -> {
                        while (c.next()) {
                            c.getAddedSubList().forEach(d -> d.positionProperty().addListener(save));
                        }
                    });
                });
            }
        });
    }

    private boolean onDivider(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /** The user dragged a divider: remember the shown panes' widths, as fractions of a three-pane window. */
    private void saveWidths() {
        // Only a drag: while the window manager sizes the window the split pane moves the dividers on its own.
        if (arranging || !draggingDivider || split.getWidth() < MIN_LAYOUT_WIDTH) {
            return;
        }
        double width = split.getWidth();
        rememberWidths(width);
        if (sidebarWidth > 0 && detailWidth > 0) {
            vm.saveDividers(List.of(sidebarWidth / width, 1 - detailWidth / width));
        }
    }

    /** First-run panes in pixels: a sidebar that fits its names (narrower on small screens), a roomy detail pane. */
    static double[] defaultDividers(double width) {
        double sidebar = width < 1200 ? NARROW_SIDEBAR_WIDTH : SIDEBAR_WIDTH;
        // Below 1200 px the table keeps status, prompt, progress and created time: the detail pane narrows first.
        double detail = width < 1200 ? MIN_DETAIL
                : Math.min(DETAIL_WIDTH, Math.max(300, width * 0.3));
        return new double[]{sidebar / width, 1 - detail / width};
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
        vm.problems().report(TEXT.getString("problem.header"), message);
    }

    /** The problem area: the latest failure nobody else handled, with its details and a way to dismiss it. */
    private HBox problemBanner() {
        Region mark = icon("failed");
        Label text = new Label();
        text.setId("problemText");
        text.getStyleClass().add("problem-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button details = new Button(TEXT.getString("problem.details"));
        details.setId("problemDetails");
        details.setMinWidth(Region.USE_PREF_SIZE);
        Button dismiss = new Button(TEXT.getString("problem.dismiss"));
        dismiss.setId("problemDismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> vm.problems().dismiss());
        details.setOnAction(e -> vm.problems().current().ifPresent(p -> dialogs.showError(p.what(),
                p.message(), p.details())));
        HBox banner = new HBox(10, mark, text, details, dismiss);
        banner.setId("problemBanner");
        banner.getStyleClass().add("problem-banner");
        banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        ProblemArea problems = vm.problems();
        Runnable show = () -> {
            ProblemArea.Problem p = problems.currentProperty().get();
            banner.setVisible(p != null);
            banner.setManaged(p != null);
            text.setText(p == null ? "" : java.text.MessageFormat.format(TEXT.getString("problem.line"), p.what(),
                    p.message()));
            details.setVisible(p != null && !p.details().isBlank());
            details.setManaged(details.isVisible());
        };
        problems.currentProperty().addListener(o -> show.run());
        show.run();
        return banner;
    }

    // ---- issue 15: bulk actions and the Failures view, made by MainWindowFactory ---------------------------

    /** The table's and gallery's multi-selection commands run as batches; the summary strip shows under the list. */
    void useBulkActions(BulkActionsViewModel bulk, Node summaryBar) {
        table.useBulkActions(new dev.reelwatch.ui.tasks.SelectionBatch(ids -> BulkMenu.items(bulk, ids, true),
                ids -> bulk.run(dev.reelwatch.ui.bulk.BulkAction.EXPORT, ids),
                ids -> bulk.run(dev.reelwatch.ui.bulk.BulkAction.REMOVE_FROM_HISTORY, ids)));
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
        centerArea.setBottom(summaryBar);
    }

    /**
     * The sidebar's "Failures" line shows the grouped view in place of the list (built the first time it is
     * shown); choosing a group narrows the list to its tasks, with {@code chip} above it to go back.
     */
    void useFailures(FailuresViewModel failures, Supplier<Node> failuresView, Node chip) {
        javafx.beans.binding.BooleanBinding shown = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            var s = vm.sidebar().selectionProperty().get();
            return s != null && s.isFailures() && s.failures().isEmpty();
        }, vm.sidebar().selectionProperty());
        javafx.beans.binding.BooleanBinding viewShown = shown.and(vm.showWelcomeBinding().not());
        // Held here: until the view is built and bound to it, nothing else holds the binding (its listeners are weak).
        failuresShown = viewShown;
        Node[] view = new Node[1];
        Runnable build = () -> {
            if (view[0] == null && viewShown.get()) {
                view[0] = failuresView.get();
                view[0].visibleProperty().bind(viewShown);
                lists.getChildren().add(view[0]);
            }
        };
        viewShown.addListener(o -> build.run());
        build.run();
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
        centerArea.setTop(chip);
        sidebar.showFailureGroupCount(failures.groupCountProperty());
    }

    private static MenuItem item(String key, Shortcut shortcut, Runnable action) {
        MenuItem m = new MenuItem(TEXT.getString(key));
        m.setId(key.replace("menu.", "menu-"));
        if (shortcut != null) {
            m.setAccelerator(shortcut.keys());
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
