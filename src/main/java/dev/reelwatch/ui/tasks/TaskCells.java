package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.media.ThumbnailCache;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The task table's cells: light, reused nodes that only display a {@link TaskRow}. */
final class TaskCells {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.tasks.messages");

    private TaskCells() {
    }

    static Region icon(String name) {
        Region r = new Region();
        r.getStyleClass().addAll("icon", "icon-" + name);
        return r;
    }

    static String statusText(TaskStatus status) {
        return TEXT.getString("status." + status.wireName());
    }

    static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }

    /** A coloured chip with the status icon and name; the provider's raw status in the tooltip. */
    static final class StatusCell extends TableCell<TaskRow, TaskRow> {
        private final Label chip = new Label();
        private final Region icon = new Region();
        private final CellTooltip tip = new CellTooltip(this);
        /** The status the chip is styled for: its style classes change only when it changes (CSS is redone). */
        private TaskStatus styled;

        StatusCell() {
            chip.getStyleClass().add("status-chip");
            icon.getStyleClass().add("icon");
            chip.setGraphic(icon);
            chip.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                tip.show(null);
                return;
            }
            if (row.status() != styled) {
                styled = row.status();
                String name = styled.wireName();
                chip.getStyleClass().setAll("label", "status-chip", "status-" + name);
                icon.getStyleClass().setAll("icon", "icon-" + name);
                chip.setText(statusText(styled));
            }
            setGraphic(chip);
            String text = String.format(TEXT.getString("status.tooltip"), row.providerStatus());
            if (row.errorMessage() != null && row.status() == TaskStatus.FAILED) {
                text += "\n" + row.errorMessage();
            }
            tip.show(text);
        }
    }

    /** A 16:9 thumbnail loaded lazily from the cache, with a placeholder frame meanwhile. */
    static final class ThumbnailCell extends TableCell<TaskRow, TaskRow> {
        private final ThumbnailCache cache;
        private final ImageView view = new ImageView();
        private final StackPane frame = new StackPane();
        private final Region placeholder = icon("running");

        ThumbnailCell(ThumbnailCache cache) {
            this.cache = cache;
            frame.getStyleClass().add("thumb-frame");
            view.setFitWidth(64);
            view.setFitHeight(36);
            view.setPreserveRatio(true);
            Rectangle clip = new Rectangle(64, 36);
            clip.setArcWidth(8);
            clip.setArcHeight(8);
            frame.setClip(clip);
            frame.getChildren().addAll(placeholder, view);
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            long id = row.id();
            view.setImage(cache.get(id, row.mediaState(), image -> {
                if (getItem() != null && getItem().id() == id) {
                    view.setImage(image);
                }
            }));
            setGraphic(frame);
        }
    }

    /**
     * Two lines: the prompt's first line, and beneath it in muted text where it ran (account, model) and how
     * long the video is. The whole prompt is in the tooltip.
     */
    static final class PromptCell extends TableCell<TaskRow, TaskRow> {
        private final Label prompt = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, prompt, meta);
        private final CellTooltip tip = new CellTooltip(this);

        PromptCell() {
            prompt.getStyleClass().add("prompt-line");
            meta.getStyleClass().addAll("muted", "meta-line");
            prompt.setMinWidth(0);
            meta.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                tip.show(null);
                return;
            }
            prompt.setText(row.promptFirstLine().isEmpty() ? row.providerTaskId() : row.promptFirstLine());
            meta.setText(metaText(row));
            setText(null);
            setGraphic(box);
            tip.show(row.prompt().isEmpty() ? row.providerTaskId() : row.prompt() + "\n\n" + row.providerTaskId());
        }

        /** "Studio · MeshAPI · veo-3 · 8 s": the account (with its provider unless the name says it), model, length. */
        static String metaText(TaskRow row) {
            List<String> parts = new ArrayList<>();
            parts.add(row.accountName());
            String provider = row.provider().displayName();
            if (!lower(row.accountName()).contains(lower(provider))) {
                parts.add(provider);
            }
            if (!row.model().isEmpty()) {
                parts.add(row.model());
            }
            String length = durationText(row);
            if (!length.isEmpty()) {
                parts.add(length);
            }
            return String.join(" · ", parts);
        }
    }

    /** Account name with the provider in muted text. */
    static final class AccountCell extends TableCell<TaskRow, TaskRow> {
        private final Label name = new Label();
        private final Label provider = new Label();
        private final HBox box = new HBox(6, name, provider);

        AccountCell() {
            provider.getStyleClass().add("muted");
            box.setAlignment(Pos.CENTER_LEFT);
            name.setMinWidth(Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.accountName());
            String kind = row.provider().displayName();
            provider.setText(lower(row.accountName()).contains(lower(kind)) ? "" : kind);
            setGraphic(box);
        }
    }

    /** A thin bar as wide as the column with "42 % · 1:20 left" beneath for running work; a full bar when done. */
    static final class ProgressCell extends TableCell<TaskRow, TaskRow> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final VBox box = new VBox(4, bar, text);
        /** The bar's style class now ("done", "failed" or none): changed only when it differs (CSS is redone). */
        private String barStyle = "";

        ProgressCell() {
            bar.getStyleClass().add("task-progress");
            bar.setMaxWidth(Double.MAX_VALUE);
            text.getStyleClass().add("progress-text");
            text.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setFillWidth(true);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            double fraction = row.progressFraction();
            String style = row.status() == TaskStatus.SUCCEEDED ? "done" : row.status().isTerminal() ? "failed" : "";
            if (!style.equals(barStyle)) {
                bar.getStyleClass().remove(barStyle);
                if (!style.isEmpty()) {
                    bar.getStyleClass().add(style);
                }
                barStyle = style;
            }
            // An indeterminate bar animates forever; only show it for work that is actually running.
            bar.setProgress(fraction < 0 && row.status() != TaskStatus.RUNNING ? 0 : fraction);
            text.setText(progressText(row));
            setGraphic(box);
        }

        static String progressText(TaskRow row) {
            if (row.status() == TaskStatus.SUCCEEDED) {
                return "100 %";
            }
            if (row.status().isTerminal()) {
                return "";
            }
            StringBuilder b = new StringBuilder();
            if (row.progress() != null && row.status() == TaskStatus.RUNNING) {
                b.append(row.progress()).append(" %");
            }
            if (row.etaSeconds() != null && row.etaSeconds() > 0) {
                b.append(b.length() > 0 ? " · " : "").append(String.format(TEXT.getString("progress.eta"),
                        RelativeTime.shortDuration(java.time.Duration.ofSeconds(row.etaSeconds()))));
            }
            return b.toString();
        }
    }

    /** "3 min ago", exact date and time in the tooltip; re-rendered by the ticks when its text would change. */
    static final class CreatedCell extends TableCell<TaskRow, TaskRow> {
        private final RelativeTime time;
        private final InvalidationListener onTick = o -> tick();
        private final CellTooltip tip = new CellTooltip(this);
        private long nextChange = Long.MAX_VALUE;
        /** Whether the "seen-time" style class is on: changed only when it differs (CSS is redone). */
        private boolean seenStyle;

        CreatedCell(RelativeTime time, TimeTicks ticks) {
            this.time = time;
            getStyleClass().add("muted-cell");
            ticks.tickProperty().addListener(new WeakInvalidationListener(onTick));
        }

        private void tick() {
            TaskRow row = getItem();
            if (row != null && !isEmpty() && time.clock().millis() >= nextChange) {
                render(row);
            }
        }

        private void render(TaskRow row) {
            long now = time.clock().millis();
            boolean seen = row.createdAt() == null;
            // The provider gave no time (MoneyPrinterTurbo): Reelwatch's own, labelled as such.
            setText(seen ? String.format(TEXT.getString("created.firstSeen"), time.ago(row.firstSeenAt()))
                    : time.ago(row.createdAt()));
            nextChange = TimeTicks.nextChange(row.sortTimeMillis(), now);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean seen = !empty && row != null && row.createdAt() == null && row.firstSeenAt() != null;
            if (seen != seenStyle) {
                seenStyle = seen;
                if (seen) {
                    getStyleClass().add("seen-time");
                } else {
                    getStyleClass().remove("seen-time");
                }
            }
            if (seen) {
                // The provider gave no time (MoneyPrinterTurbo): Reelwatch's own, labelled as such.
                render(row);
                tip.show(String.format(TEXT.getString("created.firstSeen.tooltip"), time.exact(row.firstSeenAt())));
                return;
            }
            if (empty || row == null || row.createdAt() == null) {
                setText(null);
                tip.show(null);
                nextChange = Long.MAX_VALUE;
                return;
            }
            render(row);
            tip.show(time.exact(row.createdAt()));
        }
    }

    /** The cost per unit ({@link CostFormat}), right-aligned, cut with an ellipsis and whole in the tooltip. */
    static final class CostCell extends TableCell<TaskRow, TaskRow> {
        private final CellTooltip tip = new CellTooltip(this);

        CostCell() {
            getStyleClass().addAll("numeric", "cost-cell");
            setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            String text = empty || row == null ? null : row.costText();
            setText(text);
            tip.show(text);
        }
    }

    /** Plain text from the row, optionally right-aligned for numbers. */
    static final class TextCell extends TableCell<TaskRow, TaskRow> {
        private final Function<TaskRow, String> text;

        TextCell(Function<TaskRow, String> text, boolean numeric) {
            this.text = text;
            if (numeric) {
                getStyleClass().add("numeric");
            }
        }

        @Override
        protected void updateItem(TaskRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : text.apply(row));
        }
    }

    static String durationText(TaskRow row) {
        return row.duration() == null ? "" : RelativeTime.shortDuration(row.duration());
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
