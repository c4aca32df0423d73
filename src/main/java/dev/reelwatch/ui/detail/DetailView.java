package dev.reelwatch.ui.detail;

import dev.reelwatch.core.TaskStatus;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The detail pane: shows what {@link DetailViewModel} holds for the selected task — header, notices, the player
 * slot, prompt, outputs with live link countdowns, timeline, parameter grid and raw JSON. Binds only.
 */
public final class DetailView extends StackPane {
    private static final List<String> STATUS_CLASSES = java.util.Arrays.stream(TaskStatus.values())
            .map(s -> "status-" + s.wireName()).toList();
    private static final List<String> URGENCY_CLASSES = java.util.Arrays.stream(ExpiryUrgency.values())
            .map(u -> "expiry-" + u.name().toLowerCase(java.util.Locale.ROOT)).toList();

    private static final double FIELD_LABEL_MAX_WIDTH = 150;

    private final DetailViewModel model;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.detail.messages");
    private final StackPane playerSlot = new StackPane();
    private final StackPane librarySlot = new StackPane();
    private final Timeline ticker;

    public DetailView(DetailViewModel model) {
        this.model = model;
        getStyleClass().add("detail-view");
        getStylesheets().add(DetailView.class.getResource("detail.css").toExternalForm());

        Node empty = placeholder("empty", text.getString("empty.title"), text.getString("empty.hint"));
        Node missing = placeholder("missing", text.getString("missing.title"), text.getString("missing.hint"));
        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("detail-loading");
        loading.setMaxSize(48, 48);
        ScrollPane content = new ScrollPane(content());
        content.setFitToWidth(true);
        content.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.getStyleClass().add("detail-scroll");

        showWhen(empty, DetailState.EMPTY);
        showWhen(missing, DetailState.MISSING);
        showWhen(loading, DetailState.LOADING);
        showWhen(content, DetailState.SHOWN);
        getChildren().addAll(empty, missing, loading, content);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refreshCountdowns()));
        ticker.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
    }

    /** Puts the library section (star, tags, note) into the pane, under the prompt. */
    public void setLibraryPanel(Node panel) {
        librarySlot.getChildren().setAll(panel);
    }

    /** Puts the video player (from the media feature) into the pane, above the prompt. */
    public void setPlayer(Node player) {
        playerSlot.getChildren().setAll(player);
    }

    /**
     * Focusing the pane (Enter in the task list) puts the keyboard in the player when a task is shown, so Space
     * plays at once; otherwise the pane itself takes the focus.
     */
    @Override
    public void requestFocus() {
        if (model.stateProperty().get() == DetailState.SHOWN && !playerSlot.getChildren().isEmpty()
                && playerSlot.getChildren().get(0).isFocusTraversable()) {
            playerSlot.getChildren().get(0).requestFocus();
        } else {
            super.requestFocus();
        }
    }

    public DetailViewModel viewModel() {
        return model;
    }

    private void showWhen(Node node, DetailState state) {
        node.visibleProperty().bind(model.stateProperty().isEqualTo(state));
        node.managedProperty().bind(node.visibleProperty());
    }

    private Node placeholder(String id, String title, String hint) {
        StackPane icon = new StackPane();
        icon.getStyleClass().add("placeholder-icon");
        Rectangle frame = new Rectangle(88, 60);
        frame.setArcWidth(16);
        frame.setArcHeight(16);
        frame.getStyleClass().add("placeholder-frame");
        Polygon play = new Polygon(0, 0, 0, 24, 20, 12);
        play.getStyleClass().add("placeholder-play");
        icon.getChildren().addAll(frame, play);
        Label titleLabel = new Label(title);
        titleLabel.getStyleClass().add("placeholder-title");
        titleLabel.setWrapText(true);
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add("placeholder-hint");
        hintLabel.setWrapText(true);
        VBox box = new VBox(14, icon, titleLabel, hintLabel);
        box.setId("detail-" + id);
        box.getStyleClass().add("detail-placeholder");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(340);
        // The hint wraps rather than widening the pane: on a 1024 px screen the task list keeps its columns.
        titleLabel.setMinWidth(0);
        hintLabel.setMinWidth(0);
        box.setMinWidth(0);
        return box;
    }

    private Node content() {
        VBox box = new VBox(header(), goneNotice(), errorBox(), playerSlot,
                section("section.prompt", prompt()),
                librarySlot,
                section("section.outputs", outputs()),
                section("section.timeline", timeline()),
                section("section.parameters", parameters(), copyButton(model::fieldsAsText, "copy-fields",
                        text.getString("action.copyAll"))),
                rawJson());
        box.getStyleClass().add("detail-content");
        playerSlot.getStyleClass().add("player-slot");
        playerSlot.visibleProperty().bind(Bindings.isNotEmpty(playerSlot.getChildren()));
        playerSlot.managedProperty().bind(playerSlot.visibleProperty());
        return box;
    }

    private Node header() {
        Label status = new Label();
        status.setId("detail-status");
        status.getStyleClass().add("status-chip");
        status.textProperty().bind(model.statusTextProperty());
        model.statusProperty().addListener((obs, was, now) -> {
            status.getStyleClass().removeAll(STATUS_CLASSES);
            if (now != null) {
                status.getStyleClass().add("status-" + now.wireName());
            }
        });
        Label cost = new Label();
        cost.getStyleClass().add("cost-chip");
        cost.textProperty().bind(model.costProperty());
        cost.visibleProperty().bind(model.costProperty().isNotEmpty());
        cost.managedProperty().bind(cost.visibleProperty());
        Label raw = new Label();
        raw.getStyleClass().add("provider-status");
        raw.textProperty().bind(model.providerStatusProperty());
        raw.visibleProperty().bind(model.providerStatusProperty().isNotEmpty());
        raw.managedProperty().bind(raw.visibleProperty());
        raw.setTooltip(new Tooltip(text.getString("field.providerStatus")));
        HBox chips = new HBox(8, status, raw, cost);
        chips.setAlignment(Pos.CENTER_LEFT);

        Label title = new Label();
        title.setId("detail-title");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());
        Label subtitle = new Label();
        subtitle.getStyleClass().add("detail-subtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        VBox header = new VBox(6, chips, title, subtitle);
        header.getStyleClass().add("detail-header");
        return header;
    }

    private Node goneNotice() {
        Label notice = new Label(text.getString("notice.gone"));
        notice.setId("detail-gone");
        notice.setWrapText(true);
        notice.getStyleClass().add("notice");
        notice.visibleProperty().bind(model.goneFromProviderProperty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setMaxWidth(Double.MAX_VALUE);
        return notice;
    }

    private Node errorBox() {
        Label heading = new Label();
        heading.getStyleClass().add("error-title");
        heading.textProperty().bind(Bindings.when(model.errorCodeProperty().isEmpty())
                .then(text.getString("section.error"))
                .otherwise(Bindings.concat(text.getString("section.error"), " · ", model.errorCodeProperty())));
        Label message = new Label();
        message.setId("detail-error-message");
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        message.textProperty().bind(model.errorMessageProperty());
        VBox box = new VBox(4, heading, message);
        box.setId("detail-error");
        box.getStyleClass().add("error-box");
        box.visibleProperty().bind(model.failedProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node prompt() {
        TextArea prompt = new TextArea();
        prompt.setId("detail-prompt");
        prompt.getStyleClass().add("prompt-text");
        prompt.setEditable(false);
        prompt.setWrapText(true);
        prompt.textProperty().bind(model.promptProperty());
        // Grow with the prompt: roughly one row per 40 characters (the pane is narrow) or line, 2 to 10 rows.
        prompt.prefRowCountProperty().bind(Bindings.createIntegerBinding(() -> {
            String p = model.promptProperty().get();
            int rows = 0;
            for (String line : p.split("\n", -1)) {
                rows += 1 + line.length() / 40;
            }
            return Math.max(2, Math.min(10, rows));
        }, model.promptProperty()));
        return prompt;
    }

    private Node outputs() {
        VBox list = new VBox(8);
        list.setId("detail-outputs");
        Label none = muted(text.getString("outputs.empty"));
        Runnable rebuild = () -> {
            list.getChildren().clear();
            if (model.outputs().isEmpty()) {
                list.getChildren().add(none);
            }
            for (OutputRow row : model.outputs()) {
                list.getChildren().add(output(row));
            }
        };
        model.outputs().addListener((ListChangeListener<OutputRow>) c -> rebuild.run());
        rebuild.run();
        return list;
    }

    private Node output(OutputRow row) {
        Label title = new Label(row.title());
        title.getStyleClass().add("output-title");
        Label url = new Label(row.url());
        url.getStyleClass().add("output-url");
        url.setTooltip(new Tooltip(row.url()));
        url.setMaxWidth(Double.MAX_VALUE);
        Button copy = copyButton(row::url, null, text.getString("action.copy"));
        HBox urlLine = new HBox(8, url, copy);
        urlLine.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(url, Priority.ALWAYS);

        Label archive = new Label(row.archiveText());
        archive.getStyleClass().addAll("archive-state",
                "archive-" + row.archiveState().wireName());
        Label expiry = new Label();
        expiry.getStyleClass().add("expiry");
        expiry.textProperty().bind(row.expiryTextProperty());
        Runnable urgency = () -> {
            expiry.getStyleClass().removeAll(URGENCY_CLASSES);
            expiry.getStyleClass().add("expiry-" + row.urgencyProperty().get().name().toLowerCase(java.util.Locale.ROOT));
        };
        row.urgencyProperty().addListener((obs, was, now) -> urgency.run());
        urgency.run();
        // Long reasons (a refused path, a server's answer) wrap; the short expiry words keep their width.
        archive.setWrapText(true);
        archive.setMinWidth(80);
        expiry.setMinWidth(Region.USE_PREF_SIZE);
        expiry.visibleProperty().bind(expiry.textProperty().isNotEmpty());
        expiry.managedProperty().bind(expiry.visibleProperty());
        Label source = new Label(row.expirySourceText());
        source.getStyleClass().add("expiry-source");
        source.setMinWidth(Region.USE_PREF_SIZE);
        source.setVisible(!row.expirySourceText().isEmpty());
        source.setManaged(source.isVisible());
        HBox states = new HBox(12, archive, expiry, source);
        states.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, title, urlLine, states);
        box.getStyleClass().add("output-row");
        return box;
    }

    private Node timeline() {
        VBox list = new VBox();
        list.setId("detail-timeline");
        list.getStyleClass().add("timeline");
        Runnable rebuild = () -> {
            list.getChildren().clear();
            if (model.timeline().isEmpty()) {
                list.getChildren().add(muted(text.getString("timeline.empty")));
            }
            int n = model.timeline().size();
            for (int i = 0; i < n; i++) {
                list.getChildren().add(timelineRow(model.timeline().get(i), i == n - 1));
            }
        };
        model.timeline().addListener((ListChangeListener<TimelineEntry>) c -> rebuild.run());
        rebuild.run();
        return list;
    }

    private Node timelineRow(TimelineEntry e, boolean last) {
        Circle dot = new Circle(6);
        dot.getStyleClass().addAll("timeline-dot", "status-" + e.status().wireName());
        Region line = new Region();
        line.getStyleClass().add("timeline-line");
        line.setVisible(!last);
        VBox.setVgrow(line, Priority.ALWAYS);
        VBox rail = new VBox(dot, line);
        rail.setAlignment(Pos.TOP_CENTER);
        rail.setMinWidth(20);
        rail.getStyleClass().add("timeline-rail");

        Label title = new Label(e.title());
        title.getStyleClass().add("timeline-title");
        HBox top = new HBox(8, title);
        top.setAlignment(Pos.BASELINE_LEFT);
        if (!e.providerStatus().isEmpty()) {
            Label raw = new Label(e.providerStatus());
            raw.getStyleClass().add("timeline-raw");
            top.getChildren().add(raw);
        }
        Label when = muted(e.gap().isEmpty() ? e.time() : e.time() + "   " + e.gap());
        when.getStyleClass().add("timeline-time");
        VBox body = new VBox(2, top, when);
        body.getStyleClass().add("timeline-body");
        HBox row = new HBox(10, rail, body);
        row.getStyleClass().add("timeline-row");
        return row;
    }

    private Node parameters() {
        GridPane grid = new GridPane();
        grid.setId("detail-fields");
        grid.getStyleClass().add("field-grid");
        // Parameter names can be long: past a third of a narrow pane they wrap instead of pushing values out.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMaxWidth(FIELD_LABEL_MAX_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, values);
        Runnable rebuild = () -> {
            grid.getChildren().clear();
            int r = 0;
            for (DetailField f : model.fields()) {
                Label label = new Label(f.label());
                label.getStyleClass().add("field-label");
                label.setWrapText(true);
                label.setMinWidth(0);
                label.setMinHeight(Region.USE_PREF_SIZE);
                TextField value = new TextField(f.value());
                value.setEditable(false);
                value.getStyleClass().add("field-value");
                value.setMaxWidth(Double.MAX_VALUE);
                grid.addRow(r++, label, value);
            }
        };
        model.fields().addListener((ListChangeListener<DetailField>) c -> rebuild.run());
        rebuild.run();
        return grid;
    }

    private Node rawJson() {
        TextArea json = new TextArea();
        json.setId("detail-raw");
        json.getStyleClass().add("raw-json");
        json.setEditable(false);
        json.setPrefRowCount(16);
        json.textProperty().bind(model.rawJsonProperty());
        Button copy = copyButton(() -> model.rawJsonProperty().get(), "copy-raw", text.getString("action.copy"));
        HBox bar = new HBox(copy);
        bar.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(8, bar, json);
        TitledPane pane = new TitledPane(text.getString("section.raw"), box);
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getStyleClass().add("raw-pane");
        return pane;
    }

    private Node section(String titleKey, Node body, Node... actions) {
        Label title = new Label(text.getString(titleKey));
        title.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer);
        head.getChildren().addAll(actions);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox section = new VBox(8, head, body);
        section.getStyleClass().add("section");
        return section;
    }

    private Button copyButton(java.util.function.Supplier<String> what, String id, String label) {
        Button copy = new Button(label);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        if (id != null) {
            copy.setId(id);
        }
        copy.getStyleClass().add("copy-button");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(what.get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    private static Label muted(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        return l;
    }
}
