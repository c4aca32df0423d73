package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.media.ThumbnailCache;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Callback;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.List;
import java.util.Set;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The task table: a virtualised TableView over the ViewModel's sorted rows, with sortable, movable, hideable
 * columns whose layout is remembered, multi-select, a context menu and keyboard shortcuts, and empty states.
 */
public final class TaskTableView extends StackPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.tasks.messages");

    private static final double PROMPT_MIN_WIDTH = 180;
    /** Room for the vertical scroll bar, so a full table does not need a horizontal one. */
    private static final double SCROLL_BAR_ALLOWANCE = 20;

    private final TaskListViewModel vm;
    private final MediaHooks media;
    private final ServerTaskDeleter deleter;
    private final Runnable openDetail;
    private final TableView<TaskRow> table = new TableView<>();
    private final Map<String, TableColumn<TaskRow, TaskRow>> columns = new LinkedHashMap<>();
    private final ThumbnailCache thumbnails;
    private final DialogService dialogs;
    private final TimeTicks ticks = new TimeTicks();
    private boolean restoring;
    private boolean adapting;
    private boolean thumbnailAutoHidden;
    private Consumer<List<Long>> compare = ids -> { };
    private Consumer<Long> openVideo;
    /** Issue 15: runs the multi-selection commands as one batch with one summary; null until handed in. */
    private SelectionBatch bulk;

    /** With dialogs owned by this view's window. */
    /**
     * @param dialogs asks before removing and deleting, and for tags
     */
    public TaskTableView(TaskListViewModel vm, MediaHooks media, ServerTaskDeleter deleter, Runnable openDetail,
                         Runnable addAccount, Runnable refresh, DialogService dialogs) {
        this.vm = vm;
        this.media = media;
        this.deleter = deleter;
        this.openDetail = openDetail;
        this.openVideo = id -> openDetail.run();
        this.dialogs = java.util.Objects.requireNonNull(dialogs, "dialogs");
        this.thumbnails = new ThumbnailCache(media::thumbnailFile, UiThread.fx(), 400, 96, 54);
        getStyleClass().add("task-table-pane");
        getStylesheets().add(java.util.Objects.requireNonNull(
                TaskTableView.class.getResource("/dev/reelwatch/ui/library/library.css")).toExternalForm());
        getStylesheets().add(java.util.Objects.requireNonNull(
                TaskTableView.class.getResource("/dev/reelwatch/ui/tasks/tasks.css")).toExternalForm());
        table.getStyleClass().add("task-table");
        table.setId("taskTable");
        table.setTableMenuButtonVisible(true);
        table.setFixedCellSize(52);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // The rows are sorted below the filter: the table's comparator drives that sort, so the default policy,
        // which would try to sort the filtered list itself and fail, is replaced. The items go in before the
        // saved sort order, as setting items that are not a SortedList clears the table's sort order.
        table.setSortPolicy(t -> true);
        table.setItems(vm.visibleRows());
        vm.comparatorProperty().bind(table.comparatorProperty());
        buildColumns();
        applyLayout(vm.savedColumnLayout().orElse(null));
        table.setPlaceholder(placeholder(addAccount, refresh));
        bindSelection();
        watchLayout();
        table.setContextMenu(contextMenu());
        table.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<TaskRow>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openDetail.run();
                }
            });
            return row;
        });
        // Enter plays the focused task's video; the table would otherwise only move the focus on.
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()) {
                openSelectedVideo();
                e.consume();
            }
        });
        vm.rows().addChangeListener(new KeepPlace());
        vm.addRefilterListener(new KeepSelection());
        readRestOfTheCacheAfterFirstPaint();
        // Relative times tick while the table is in a window.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticks.stop();
            } else {
                ticks.start();
            }
        });
        media.installDragExport(table, this::selectedIds);
        getChildren().add(table);
        keepPromptFilling();
    }

    /**
     * The prompt column takes whatever width the other columns leave, so the table fills its pane without a
     * horizontal scroll bar (until the prompt would get narrower than readable).
     */
    private void keepPromptFilling() {
        TableColumn<TaskRow, TaskRow> prompt = columns.get("prompt");
        TableColumn<TaskRow, TaskRow> thumbnail = columns.get("thumbnail");
        InvalidationListener fit = o -> {
            double others = 0;
            for (TableColumn<TaskRow, ?> c : table.getVisibleLeafColumns()) {
                if (c != prompt) {
                    others += c.getWidth();
                }
            }
            double free = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset()
                    - SCROLL_BAR_ALLOWANCE - others;
            if (table.getWidth() > 0 && adaptToWidth(thumbnail, free)) {
                return;
            }
            double wanted = Math.max(PROMPT_MIN_WIDTH, Math.floor(free));
            if (table.getWidth() > 0 && Math.abs(prompt.getPrefWidth() - wanted) >= 1) {
                prompt.setPrefWidth(wanted);
            }
        };
        table.widthProperty().addListener(fit);
        table.getVisibleLeafColumns().addListener(fit);
        columns.values().stream().filter(c -> c != prompt).forEach(c -> c.widthProperty().addListener(fit));
    }

    /**
     * The first page of rows is painted before the rest of the cache is read: a pulse after the rows arrived,
     * plus one turn of the FX thread so the frame is rendered, then the list reads on.
     */
    private void readRestOfTheCacheAfterFirstPaint() {
        vm.rows().readRestAfterPaint();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (!vm.allRows().isEmpty() || vm.loadedProperty().get()) {
                getScene().removePostLayoutPulseListener(once[0]);
                javafx.application.Platform.runLater(() -> vm.rows().painted());
            }
        };
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(once[0]);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(once[0]);
            }
        });
    }

    /**
     * A narrow table (1024 px with sidebar and detail pane) gives up the thumbnail column before the prompt gets
     * unreadable or Created scrolls out of view; it comes back when there is room. Not saved as the user's layout.
     * Returns whether it changed the columns (the fit runs again from their change).
     */
    private boolean adaptToWidth(TableColumn<TaskRow, TaskRow> thumbnail, double free) {
        if (!thumbnailAutoHidden && thumbnail.isVisible() && free < PROMPT_MIN_WIDTH) {
            setThumbnailShown(thumbnail, false);
            return true;
        }
        if (thumbnailAutoHidden && free - thumbnail.getPrefWidth() >= PROMPT_MIN_WIDTH + 24) {
            setThumbnailShown(thumbnail, true);
            return true;
        }
        return false;
    }

    private void setThumbnailShown(TableColumn<TaskRow, TaskRow> thumbnail, boolean shown) {
        adapting = true;
        try {
            thumbnailAutoHidden = !shown;
            thumbnail.setVisible(shown);
        } finally {
            adapting = false;
        }
    }

    /** Whether the thumbnail column is hidden for lack of width (the saved layout still shows it). */
    public boolean isThumbnailHiddenForWidth() {
        return thumbnailAutoHidden;
    }

    // ---- columns -------------------------------------------------------------------------------------

    private void buildColumns() {
        Comparator<String> text = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);
        add("star", 34, Comparator.comparing(TaskRow::starred), c -> new StarCell(vm));
        columns.get("star").getStyleClass().add("star-column");
        columns.get("star").setGraphic(TaskCells.icon("star"));
        // Shown from the column menu: starring is also in the row menu (Ctrl+Shift+S) and the detail pane, and
        // by default the prompt keeps the width.
        columns.get("star").setVisible(false);
        add("status", 112, Comparator.comparing(TaskRow::status), c -> new TaskCells.StatusCell());
        add("thumbnail", 84, Comparator.comparing(TaskRow::archived), c -> new TaskCells.ThumbnailCell(thumbnails));
        columns.get("thumbnail").setSortable(false);
        add("prompt", 320, TaskRow::compareFirstLines, c -> new TaskCells.PromptCell());
        add("account", 160, Comparator.comparing(TaskRow::accountName, text), c -> new TaskCells.AccountCell());
        add("model", 120, Comparator.comparing(TaskRow::model, text),
                c -> new TaskCells.TextCell(TaskRow::model, false));
        // Progress and Created sized so that at 1024 px (sidebar and detail pane shown) status, prompt, progress
        // and created time all fit, "seen 42 min ago" included.
        add("progress", 120, Comparator.comparingDouble(TaskRow::progressFraction),
                c -> new TaskCells.ProgressCell());
        add("created", 136, Comparator.comparingLong(TaskRow::sortTimeMillis),
                c -> new TaskCells.CreatedCell(vm.time(), ticks));
        add("duration", 70, Comparator.comparingLong(TaskRow::durationMillis),
                c -> new TaskCells.TextCell(TaskCells::durationText, true));
        add("resolution", 120, Comparator.comparing(TaskRow::resolutionAndRatio, text),
                c -> new TaskCells.TextCell(TaskRow::resolutionAndRatio, false));
        add("cost", 120, Comparator.comparing(TaskRow::cost,
                        Comparator.nullsFirst(Comparator.comparing(c -> c.amount()))),
                c -> new TaskCells.CostCell());
        // The prompt cell's second line and the detail pane show these; here on demand through the column menu.
        for (String id : List.of("account", "model", "duration", "resolution", "cost")) {
            columns.get(id).setVisible(false);
        }
        columns.get("prompt").setMinWidth(PROMPT_MIN_WIDTH);
    }

    private void add(String id, double width, Comparator<TaskRow> comparator,
                     Callback<TableColumn<TaskRow, TaskRow>, javafx.scene.control.TableCell<TaskRow, TaskRow>> cells) {
        TableColumn<TaskRow, TaskRow> col = new TableColumn<>(TEXT.getString("column." + id));
        col.setId(id);
        col.setPrefWidth(width);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setComparator(comparator);
        col.setCellFactory(cells);
        columns.put(id, col);
        table.getColumns().add(col);
    }

    private void applyLayout(ColumnLayout layout) {
        if (layout == null) {
            TableColumn<TaskRow, TaskRow> created = columns.get("created");
            created.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(created));
            return;
        }
        List<TableColumn<TaskRow, ?>> ordered = new ArrayList<>();
        for (ColumnLayout.Column c : layout.columns()) {
            TableColumn<TaskRow, TaskRow> col = columns.get(c.id());
            if (col != null && !ordered.contains(col)) {
                col.setPrefWidth(c.width());
                col.setVisible(c.visible());
                ordered.add(col);
            }
        }
        columns.values().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        table.getColumns().setAll(ordered);
        List<TableColumn<TaskRow, ?>> sort = new ArrayList<>();
        for (ColumnLayout.SortKey k : layout.sort()) {
            TableColumn<TaskRow, TaskRow> col = columns.get(k.columnId());
            if (col != null) {
                col.setSortType(k.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
                sort.add(col);
            }
        }
        table.getSortOrder().setAll(sort);
    }

    /** The layout as it is now. */
    public ColumnLayout currentLayout() {
        List<ColumnLayout.Column> cols = new ArrayList<>();
        for (TableColumn<TaskRow, ?> c : table.getColumns()) {
            boolean visible = c.isVisible() || (thumbnailAutoHidden && "thumbnail".equals(c.getId()));
            cols.add(new ColumnLayout.Column(c.getId(), c.getWidth() > 0 ? c.getWidth() : c.getPrefWidth(),
                    visible));
        }
        List<ColumnLayout.SortKey> sort = new ArrayList<>();
        for (TableColumn<TaskRow, ?> c : table.getSortOrder()) {
            sort.add(new ColumnLayout.SortKey(c.getId(), c.getSortType() == TableColumn.SortType.ASCENDING));
        }
        return new ColumnLayout(cols, sort);
    }

    private void watchLayout() {
        InvalidationListener save = o -> {
            if (!adapting) {
                vm.saveColumnLayout(currentLayout());
            }
        };
        table.getColumns().addListener(save);
        table.getSortOrder().addListener(save);
        for (TableColumn<TaskRow, TaskRow> c : columns.values()) {
            c.widthProperty().addListener(save);
            c.visibleProperty().addListener(save);
            c.sortTypeProperty().addListener(save);
        }
    }

    // ---- selection -----------------------------------------------------------------------------------

    private void bindSelection() {
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TaskRow>) c -> {
            if (!restoring) {
                vm.selectionChanged(selectedIds());
            }
        });
        // Issue 15: an invalidation listener, as a change listener misses a restore equal to the one before
        // (a bulk action updates the same selected rows step after step).
        vm.restoreSelectionProperty().addListener((javafx.beans.Observable o) -> {
            List<Long> wanted = vm.restoreSelectionProperty().get();
            if (wanted != null) {
                select(wanted);
            }
        });
    }

    /** Selects the rows of these tasks (those the filter shows), the last one focused; finds each by binary search. */
    public void select(List<Long> ids) {
        List<Integer> indices = new ArrayList<>();
        for (Long id : ids) {
            int i = id == null ? -1 : vm.visibleIndexOf(id);
            if (i >= 0) {
                indices.add(i);
            }
        }
        restoring = true;
        try {
            var selection = table.getSelectionModel();
            if (!indices.equals(selection.getSelectedIndices())) {
                selection.clearSelection();
                // Issue 15: one call for the whole selection (a thousand selected rows were a thousand events).
                if (!indices.isEmpty()) {
                    int[] rows = indices.stream().mapToInt(Integer::intValue).toArray();
                    selection.selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, rows.length));
                }
            }
            if (!indices.isEmpty()) {
                table.getFocusModel().focus(indices.get(indices.size() - 1));
            }
        } finally {
            restoring = false;
        }
        vm.selectionChanged(selectedIds());
    }

    /**
     * Selects the same tasks again after a refilter, those of them the new filter shows: the table's selection
     * model shifts its selected indices wrongly for a change that drops rows on both sides of a selected one.
     */
    private final class KeepSelection implements LiveTaskRows.ChangeListener {
        @Override
        public void beforeChange(List<TaskRow[]> changed) {
            restoring = true;
        }

        @Override
        public void afterChange() {
            restoring = false;
            select(List.copyOf(vm.selectedIds()));
        }
    }

    /**
     * Keeps the user's place through every change of the rows: the selection by task id, and the row at the top
     * of the view stays at the top (unless the view is at the very top, where new tasks come in as in a feed).
     */
    private final class KeepPlace implements LiveTaskRows.ChangeListener {
        private Long topId;

        @Override
        public void beforeChange(List<TaskRow[]> changed) {
            restoring = true;
            topId = null;
            javafx.scene.control.skin.VirtualFlow<?> flow = flow();
            if (flow != null && flow.getFirstVisibleCell() != null) {
                int first = flow.getFirstVisibleCell().getIndex();
                List<TaskRow> items = table.getItems();
                if (first > 0 && first < items.size()) {
                    topId = items.get(first).id();
                }
            }
        }

        @Override
        public void afterChange() {
            restoring = false;
            select(List.copyOf(vm.selectedIds()));
            if (topId != null) {
                int i = vm.visibleIndexOf(topId);
                javafx.scene.control.skin.VirtualFlow<?> flow = flow();
                if (i >= 0 && flow != null && flow.getFirstVisibleCell() != null
                        && flow.getFirstVisibleCell().getIndex() != i) {
                    flow.scrollToTop(i);
                }
            }
        }
    }

    private javafx.scene.control.skin.VirtualFlow<?> flow() {
        return table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> f ? f : null;
    }

    /** The index of the first row in view (for tests and the place keeping), -1 before layout. */
    public int firstVisibleIndex() {
        javafx.scene.control.skin.VirtualFlow<?> flow = flow();
        return flow == null || flow.getFirstVisibleCell() == null ? -1 : flow.getFirstVisibleCell().getIndex();
    }

    /** Enter: the focused task's video — in the detail pane's player, or the system player when there is none. */
    public void openSelectedVideo() {
        List<Long> ids = selectedIds();
        if (!ids.isEmpty()) {
            openVideo.accept(ids.get(ids.size() - 1));
        }
    }

    /** What Enter does with the focused task (the composition root plays it); by default it opens the detail pane. */
    public void setOnOpenVideo(Consumer<Long> action) {
        this.openVideo = action;
    }

    public List<Long> selectedIds() {
        List<Long> ids = new ArrayList<>();
        for (TaskRow r : table.getSelectionModel().getSelectedItems()) {
            if (r != null) {
                ids.add(r.id());
            }
        }
        TaskRow focused = table.getFocusModel().getFocusedItem();
        if (focused != null && ids.remove(focused.id())) {
            ids.add(focused.id());
        }
        return ids;
    }

    public TableView<TaskRow> table() {
        return table;
    }

    // ---- commands ------------------------------------------------------------------------------------

    private ContextMenu contextMenu() {
        MenuItem open = item("menu.open", new KeyCodeCombination(KeyCode.ENTER), this::openSelectedVideo);
        MenuItem copyId = item("menu.copyId", new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN),
                () -> copy(vm.idsText(selectedIds())));
        MenuItem copyUrl = item("menu.copyUrl",
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> vm.videoUrls(selectedIds(), this::copy));
        MenuItem refresh = item("menu.refreshTask", null, () -> vm.refreshTasks(selectedIds()));
        MenuItem export = item("menu.export", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                this::exportSelected);
        MenuItem folder = item("menu.openFolder", null, () -> {
            List<Long> ids = selectedIds();
            if (!ids.isEmpty()) {
                media.openContainingFolder(ids.get(ids.size() - 1));
            }
        });
        MenuItem star = item("menu.star", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> vm.toggleStar(selectedIds()));
        MenuItem tag = item("menu.addTag", new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> askTag(selectedIds()));
        MenuItem compareItem = item("menu.compare", null, () -> compare.accept(selectedIds()));
        MenuItem remove = item("menu.remove", new KeyCodeCombination(KeyCode.DELETE), this::confirmRemove);
        MenuItem deleteOnServer = item("menu.deleteOnServer", null, this::confirmDeleteOnServer);
        ContextMenu menu = new ContextMenu(open, compareItem, new SeparatorMenuItem(), star, tag,
                new SeparatorMenuItem(), copyId, copyUrl, new SeparatorMenuItem(),
                refresh, export, folder, new SeparatorMenuItem(), remove, deleteOnServer);
        menu.setOnShowing(e -> {
            List<Long> ids = selectedIds();
            boolean none = ids.isEmpty();
            List<TaskRow> rows = vm.rowsFor(ids);
            for (MenuItem m : menu.getItems()) {
                m.setDisable(none);
            }
            copyUrl.setDisable(rows.stream().noneMatch(TaskRow::hasVideo));
            folder.setDisable(none || !rows.get(rows.size() - 1).archived());
            deleteOnServer.setVisible(rows.stream().anyMatch(r -> r.provider() == ProviderKind.MONEYPRINTERTURBO));
            star.setText(TEXT.getString(!rows.isEmpty() && rows.stream().allMatch(TaskRow::starred)
                    ? "menu.unstar" : "menu.star"));
            compareItem.setDisable(!canCompare(rows));
            deleteOnServer.setDisable(!vm.canDeleteOnServer(ids));
        });
        return menu;
    }

    private MenuItem item(String key, KeyCombination accelerator, Runnable action) {
        MenuItem m = new MenuItem(TEXT.getString(key));
        m.setId(key.replace("menu.", "menu-"));
        if (accelerator != null) {
            m.setAccelerator(accelerator);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    private void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** What "Compare…" does with the selected ids (the composition root opens the compare window). */
    public void setOnCompare(Consumer<List<Long>> action) {
        this.compare = action;
    }

    /** Compare needs two or more tasks that all succeeded. */
    public static boolean canCompare(List<TaskRow> rows) {
        return rows.size() >= 2 && rows.stream().allMatch(r -> r.status() == dev.reelwatch.core.TaskStatus.SUCCEEDED);
    }

    /** Asks for a tag and adds it to every one of these tasks. */
    public void askTag(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String header = ids.size() == 1 ? TEXT.getString("tag.header.one")
                : String.format(TEXT.getString("tag.header.many"), ids.size());
        dialogs.askText(TEXT.getString("tag.title"), header, "").ifPresent(t -> vm.addTag(ids, t));
    }

    // ---- issue 15: bulk actions over the selection ------------------------------------------------------

    /** The context menu items that act on the selection as a batch; the others stay as they were. */
    private static final Set<String> BATCH_ITEMS = Set.of("menu-star", "menu-addTag", "menu-refreshTask",
            "menu-export", "menu-remove", "menu-deleteOnServer");

    /**
     * Star, tags, refresh, export and the two removals run over the whole selection through {@code actions}:
     * one progress, one summary, Undo for the removals. Ctrl+A selects every row the filter shows.
     */
    public void useBulkActions(SelectionBatch actions) {
        this.bulk = actions;
        ContextMenu menu = table.getContextMenu();
        menu.getItems().removeIf(m -> m.getId() != null && BATCH_ITEMS.contains(m.getId()));
        // Drop separators left doubled or trailing by the removal.
        for (int i = menu.getItems().size() - 1; i > 0; i--) {
            if (menu.getItems().get(i) instanceof SeparatorMenuItem
                    && (i == menu.getItems().size() - 1 || menu.getItems().get(i - 1) instanceof SeparatorMenuItem)) {
                menu.getItems().remove(i);
            }
        }
        menu.getItems().add(new SeparatorMenuItem());
        menu.getItems().addAll(actions.menuItems().apply(this::selectedIds));
    }

    /** Ctrl+E: hands the selection to the media feature's export dialog (several tasks: one batch). */
    public void exportSelected() {
        List<Long> ids = selectedIds();
        if (bulk != null && ids.size() > 1) {
            bulk.export().accept(ids);
            return;
        }
        if (!ids.isEmpty()) {
            media.exportTasks(ids, getScene() == null ? null : getScene().getWindow());
        }
    }

    /** Delete: asks, naming how many tasks, then removes them from local history only. */
    public void confirmRemove() {
        List<Long> ids = selectedIds();
        if (ids.isEmpty()) {
            return;
        }
        if (bulk != null) {
            // Issue 15: one batch with Undo instead of a question per removal.
            bulk.remove().accept(ids);
            return;
        }
        String header = ids.size() == 1
                ? String.format(TEXT.getString("remove.header.one"), vm.rowsFor(ids).get(0).promptOpening(8))
                : String.format(TEXT.getString("remove.header.many"), ids.size());
        if (confirm(TEXT.getString("remove.title"), header, TEXT.getString("remove.content"),
                TEXT.getString("remove.confirm"))) {
            vm.removeFromHistory(ids);
        }
    }

    /** MoneyPrinterTurbo: asks, naming the task ids and server, then deletes the tasks and their files there. */
    public void confirmDeleteOnServer() {
        List<Long> ids = selectedIds();
        if (!vm.canDeleteOnServer(ids)) {
            return;
        }
        List<TaskRow> rows = vm.rowsFor(ids);
        StringBuilder names = new StringBuilder();
        for (TaskRow r : rows) {
            names.append("• ").append(r.providerTaskId()).append(" (").append(r.accountName()).append(")\n");
        }
        String header = rows.size() == 1 ? TEXT.getString("deleteOnServer.header.one")
                : String.format(TEXT.getString("deleteOnServer.header.many"), rows.size());
        if (confirm(TEXT.getString("deleteOnServer.title"), header,
                names + "\n" + TEXT.getString("deleteOnServer.content"), TEXT.getString("deleteOnServer.confirm"))) {
            vm.deleteOnServer(ids, deleter);
        }
    }

    private boolean confirm(String title, String header, String content, String confirmText) {
        return dialogs.confirm(title, header, content, confirmText);
    }

    /** A star that toggles the row's star when clicked. */
    static final class StarCell extends javafx.scene.control.TableCell<TaskRow, TaskRow> {
        private static final javafx.css.PseudoClass STARRED = javafx.css.PseudoClass.getPseudoClass("starred");
        private final Button button = new Button();
        private final CellTooltip tip = new CellTooltip(button);

        StarCell(TaskListViewModel vm) {
            button.setGraphic(TaskCells.icon("star"));
            button.getStyleClass().add("star-toggle");
            button.setFocusTraversable(false);
            button.setOnAction(e -> {
                if (getItem() != null) {
                    vm.setStarred(List.of(getItem().id()), !getItem().starred());
                }
            });
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            button.pseudoClassStateChanged(STARRED, row.starred());
            tip.show(TEXT.getString(row.starred() ? "star.on" : "star.off"));
            setGraphic(button);
        }
    }

    // ---- empty states --------------------------------------------------------------------------------

    private StackPane placeholder(Runnable addAccount, Runnable refresh) {
        Label title = new Label();
        title.getStyleClass().add("title");
        Label message = new Label();
        message.getStyleClass().add("message");
        message.setWrapText(true);
        javafx.scene.layout.Region icon = TaskCells.icon("empty");
        Button clear = new Button(TEXT.getString("empty.clear"));
        clear.getStyleClass().add("primary");
        clear.setOnAction(e -> vm.clearFilters());
        Button add = new Button(TEXT.getString("empty.addAccount"));
        add.getStyleClass().add("primary");
        add.setOnAction(e -> addAccount.run());
        Button refreshButton = new Button(TEXT.getString("empty.refresh"));
        refreshButton.setOnAction(e -> refresh.run());
        HBox buttons = new HBox(add, refreshButton, clear);
        buttons.getStyleClass().add("buttons");
        VBox box = new VBox(icon, title, message, buttons);
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        Supplier<Boolean> noTasks = () -> vm.totalCountProperty().get() == 0;
        Runnable update = () -> {
            boolean none = noTasks.get();
            boolean loading = !vm.loadedProperty().get();
            icon.getStyleClass().setAll("icon", none ? "icon-empty" : "icon-filter-empty");
            title.setText(loading ? TEXT.getString("empty.loading")
                    : TEXT.getString(none ? "empty.none.title" : "empty.filtered.title"));
            message.setText(loading ? "" : none ? TEXT.getString("empty.none.message")
                    : String.format(TEXT.getString("empty.filtered.message"), TaskFilterModel.describe(vm.filterProperty().get())));
            show(add, none && !loading);
            show(refreshButton, none && !loading);
            show(clear, !none && !loading);
        };
        for (Observable o : List.of(vm.totalCountProperty(), vm.loadedProperty(), vm.filterProperty())) {
            o.addListener(ignored -> update.run());
        }
        update.run();
        StackPane pane = new StackPane(box);
        pane.setId("taskPlaceholder");
        return pane;
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

}
