package dev.reelwatch.ui.tasks;

import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.media.ThumbnailCache;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The table's gallery mode: the same filtered, sorted rows as thumbnails in a grid, with the same selection
 * (click, Ctrl-click, Shift-click), double-click to open, a context menu and dragging out to export.
 */
public final class TaskGalleryView extends StackPane {
    static final double THUMB_WIDTH = 208;
    private static final double MIN_SCALE = 0.85;
    private static final double MAX_SCALE = 1.3;
    /** Space on each side of a card, at least. */
    static final double CELL_SPACING = 8;
    /** The vertical scroll bar, shown as soon as the cards fill more than a screen. */
    private static final double SCROLL_BAR_ALLOWANCE = 16;
    static final double THUMB_HEIGHT = 117;
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.tasks.messages");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final String CSS = Objects.requireNonNull(
            TaskGalleryView.class.getResource("/dev/reelwatch/ui/library/library.css")).toExternalForm();

    private final TaskListViewModel vm;
    private final GridView<TaskRow> grid = new GridView<>();
    /** The cards' thumbnail size: around {@link #THUMB_WIDTH}, so that a row of cards fills the gallery's width. */
    private final javafx.beans.property.DoubleProperty thumbWidth =
            new javafx.beans.property.SimpleDoubleProperty(THUMB_WIDTH);
    private final javafx.beans.binding.DoubleBinding thumbHeight = thumbWidth.multiply(THUMB_HEIGHT / THUMB_WIDTH);
    private final ThumbnailCache thumbnails;
    private final Runnable openDetail;
    private final MediaHooks media;
    private ContextMenu contextMenu;
    private boolean built;
    private Long anchor;

    /**
     * @param contextMenu the same commands as the table's (Star, Compare…, Export…); may be null
     */
    public TaskGalleryView(TaskListViewModel vm, MediaHooks media, Runnable openDetail, ContextMenu contextMenu) {
        this.vm = vm;
        this.openDetail = openDetail;
        this.thumbnails = new ThumbnailCache(media::thumbnailFile, UiThread.fx(), 400, THUMB_WIDTH, THUMB_HEIGHT);
        getStyleClass().add("task-gallery-pane");
        getStylesheets().add(CSS);
        setId("taskGallery");
        this.media = media;
        this.contextMenu = contextMenu;
        // Built when first shown: in table mode the window's first frame carries no grid at all.
        visibleProperty().addListener((o, was, now) -> {
            if (now) {
                build();
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now != null && isVisible()) {
                build();
            }
        });
    }

    /** The same commands as the table's (Star, Compare…, Export…), on a right click in the grid; null for none. */
    public void setContextMenu(ContextMenu menu) {
        this.contextMenu = menu;
    }

    private void build() {
        if (built) {
            return;
        }
        built = true;
        grid.getStyleClass().add("task-gallery");
        grid.setItems(vm.visibleRows());
        grid.cellWidthProperty().bind(thumbWidth.add(16));
        grid.cellHeightProperty().bind(thumbHeight.add(66));
        grid.setHorizontalCellSpacing(CELL_SPACING);
        grid.widthProperty().addListener(o -> spreadCells());
        grid.setVerticalCellSpacing(8);
        grid.setCellFactory(g -> new Tile());
        grid.setOnContextMenuRequested(e -> {
            if (contextMenu != null) {
                contextMenu.show(grid, e.getScreenX(), e.getScreenY());
            }
        });
        grid.setFocusTraversable(true);
        grid.addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        media.installDragExportFrom(grid, vm::selectedIds);
        Label empty = new Label(TEXT.getString("gallery.empty"));
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.visibleRows()));
        getChildren().addAll(grid, empty);
    }

    /**
     * ControlsFX lines a row's cards up on the left, leaving an empty band on the right of up to a card's width:
     * the cards grow or shrink a little (85 % to 130 % of {@link #THUMB_WIDTH}) so that a row fills the width, and
     * the spacing takes what is left.
     */
    private void spreadCells() {
        double width = grid.getWidth() - grid.snappedLeftInset() - grid.snappedRightInset() - SCROLL_BAR_ALLOWANCE;
        double base = THUMB_WIDTH + 16;
        if (width <= base * MIN_SCALE + 2 * CELL_SPACING) {
            thumbWidth.set(THUMB_WIDTH);
            grid.setHorizontalCellSpacing(CELL_SPACING);
            return;
        }
        int perRow = Math.max(1, (int) Math.floor(width / (base * MIN_SCALE + 2 * CELL_SPACING)));
        double cell = Math.min(base * MAX_SCALE, Math.floor(width / perRow - 2 * CELL_SPACING));
        double spacing = Math.max(CELL_SPACING, Math.floor((width / perRow - cell) / 2));
        if (cell - 16 != thumbWidth.get()) {
            thumbWidth.set(cell - 16);
        }
        if (spacing != grid.getHorizontalCellSpacing()) {
            grid.setHorizontalCellSpacing(spacing);
        }
    }

    /** Whether the grid was built (it is on first show). */
    public boolean isBuilt() {
        return built;
    }

    /** The grid, built now if the gallery was never shown. */
    public GridView<TaskRow> grid() {
        build();
        return grid;
    }

    /** Click: just this one; Ctrl-click: add or take away; Shift-click: the range from the last click. */
    void clicked(TaskRow row, boolean toggle, boolean range) {
        List<Long> now = new ArrayList<>(vm.selectedIds());
        if (range && anchor != null) {
            List<TaskRow> items = vm.visibleRows();
            int from = indexOf(items, anchor);
            int to = items.indexOf(row);
            if (from >= 0 && to >= 0) {
                Set<Long> ids = new LinkedHashSet<>();
                for (int i = Math.min(from, to); i <= Math.max(from, to); i++) {
                    ids.add(items.get(i).id());
                }
                ids.remove(row.id());
                ids.add(row.id());
                vm.selectionChanged(List.copyOf(ids));
                return;
            }
        }
        if (toggle) {
            if (!now.remove(row.id())) {
                now.add(row.id());
            }
        } else {
            now = List.of(row.id());
        }
        anchor = row.id();
        vm.selectionChanged(now);
    }

    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER && !vm.selectedIds().isEmpty()) {
            openDetail.run();
            e.consume();
        } else if (e.getCode() == KeyCode.A && e.isShortcutDown()) {
            vm.selectionChanged(vm.visibleRows().stream().map(TaskRow::id).toList());
            e.consume();
        }
    }

    private static int indexOf(List<TaskRow> rows, long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    /** One thumbnail with its status, star, prompt and model. */
    private final class Tile extends GridCell<TaskRow> {
        private final ImageView image = new ImageView();
        private final Region placeholder = TaskCells.icon("empty");
        private final Label status = new Label();
        private final Region statusIcon = new Region();
        private final Region star = TaskCells.icon("star");
        private final ProgressBar progress = new ProgressBar();
        private final Label prompt = new Label();
        private final Label meta = new Label();
        /** Issue 15: one tooltip per tile, its text updated (a new Tooltip is a new popup window and scene). */
        private final javafx.scene.control.Tooltip tip = TaskCells.tooltip("");
        private final VBox box;
        private final InvalidationListener selection = o -> showSelected();

        Tile() {
            getStyleClass().add("gallery-tile");
            image.fitWidthProperty().bind(thumbWidth);
            image.fitHeightProperty().bind(thumbHeight);
            image.setPreserveRatio(true);
            StackPane frame = new StackPane(placeholder, image, status, star, progress);
            frame.getStyleClass().add("gallery-thumb");
            frame.minWidthProperty().bind(thumbWidth);
            frame.maxWidthProperty().bind(thumbWidth);
            frame.minHeightProperty().bind(thumbHeight);
            frame.maxHeightProperty().bind(thumbHeight);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(thumbWidth);
            clip.heightProperty().bind(thumbHeight);
            clip.setArcWidth(12);
            clip.setArcHeight(12);
            frame.setClip(clip);
            StackPane.setAlignment(status, Pos.TOP_LEFT);
            StackPane.setAlignment(star, Pos.TOP_RIGHT);
            StackPane.setAlignment(progress, Pos.BOTTOM_CENTER);
            status.setGraphic(statusIcon);
            star.getStyleClass().add("gallery-star");
            progress.getStyleClass().add("gallery-progress");
            progress.setMaxWidth(Double.MAX_VALUE);
            prompt.getStyleClass().add("gallery-prompt");
            prompt.maxWidthProperty().bind(thumbWidth);
            meta.getStyleClass().addAll("gallery-meta", "muted");
            meta.maxWidthProperty().bind(thumbWidth);
            HBox.setHgrow(meta, Priority.ALWAYS);
            box = new VBox(5, frame, prompt, meta);
            box.setAlignment(Pos.TOP_CENTER);
            vm.selectedIds().addListener(selection);
            addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                TaskRow row = getItem();
                if (row == null) {
                    return;
                }
                grid.requestFocus();
                boolean keep = e.getButton() == MouseButton.SECONDARY && vm.selectedIds().contains(row.id());
                if (!keep) {
                    clicked(row, e.isShortcutDown(), e.isShiftDown());
                }
            });
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    openDetail.run();
                }
            });
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setId(null);
                showSelected();
                return;
            }
            setId("gallery-tile-" + row.id());
            long id = row.id();
            image.setImage(thumbnails.get(id, row.mediaState(), loaded -> {
                if (getItem() != null && getItem().id() == id) {
                    image.setImage(loaded);
                }
            }));
            String name = row.status().wireName();
            status.getStyleClass().setAll("label", "status-chip", "gallery-status", "status-" + name);
            statusIcon.getStyleClass().setAll("icon", "icon-" + name);
            status.setText(TaskCells.statusText(row.status()));
            star.setVisible(row.starred());
            double p = row.progressFraction();
            progress.setVisible(!row.status().isTerminal());
            progress.setProgress(p < 0 ? ProgressBar.INDETERMINATE_PROGRESS : p);
            prompt.setText(row.promptFirstLine().isEmpty() ? row.providerTaskId() : row.promptFirstLine());
            String when = row.createdAt() == null ? "" : vm.time().ago(row.createdAt());
            String tags = row.tags().isEmpty() ? "" : " · #" + String.join(" #", row.tags());
            meta.setText((row.model().isEmpty() ? row.accountName() : row.model()) + (when.isEmpty() ? "" : " · " + when)
                    + tags);
            tip.setText(row.prompt().isEmpty() ? row.providerTaskId() : row.prompt());
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
            setGraphic(box);
            showSelected();
        }

        private void showSelected() {
            TaskRow row = getItem();
            pseudoClassStateChanged(SELECTED, row != null && !isEmpty() && vm.selectedIds().contains(row.id()));
        }
    }
}
