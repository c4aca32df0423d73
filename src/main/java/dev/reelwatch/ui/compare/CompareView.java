package dev.reelwatch.ui.compare;

import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.PlayerState;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The compare window's content: the videos in a row with one transport under them, then the prompts with
 * their differing words highlighted and the parameters side by side. Binds only.
 */
public final class CompareView extends BorderPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.compare.messages");
    private static final String CSS = Objects.requireNonNull(
            CompareView.class.getResource("/dev/reelwatch/ui/compare/compare.css")).toExternalForm();

    private final CompareViewModel vm;
    private final GridPane parameterGrid = new GridPane();

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        setId("compareView");
        getStyleClass().add("compare-view");
        getStylesheets().add(CSS);

        HBox videos = new HBox(12);
        videos.getStyleClass().add("compare-videos");
        for (ComparedTask t : vm.tasks()) {
            Node column = videoColumn(t);
            HBox.setHgrow(column, Priority.ALWAYS);
            videos.getChildren().add(column);
        }
        VBox top = new VBox(10, videos, transport());
        top.getStyleClass().add("compare-top");
        setTop(top);

        VBox details = new VBox(18, prompts(), parameters());
        details.getStyleClass().add("compare-details");
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("compare-scroll");
        setCenter(scroll);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.SPACE) {
                vm.playback().playPause();
                e.consume();
            } else if (e.getCode() == KeyCode.LEFT) {
                vm.playback().seekBy(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.RIGHT) {
                vm.playback().seekBy(1);
                e.consume();
            }
        });
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    private Node videoColumn(ComparedTask t) {
        PlayerViewModel player = t.player();
        MediaView media = new MediaView();
        media.setPreserveRatio(true);
        media.setSmooth(true);
        StackPane screen = new StackPane(media, overlay(player));
        screen.getStyleClass().add("compare-screen");
        screen.setMinSize(200, 140);
        screen.setPrefHeight(300);
        media.fitWidthProperty().bind(screen.widthProperty());
        media.fitHeightProperty().bind(screen.heightProperty());
        media.visibleProperty().bind(player.engineProperty().isNotNull());
        Runnable attach = () -> media.setMediaPlayer(player.engineProperty().get()
                instanceof FxPlaybackEngines.FxPlaybackEngine fx ? fx.mediaPlayer() : null);
        player.engineProperty().addListener((o, was, now) -> attach.run());
        attach.run();
        screen.setOnMouseClicked(e -> vm.playback().playPause());

        Label title = new Label(t.title());
        title.getStyleClass().add("compare-title");
        Label subtitle = new Label(t.subtitle());
        subtitle.getStyleClass().add("muted");
        VBox column = new VBox(6, screen, title, subtitle);
        column.getStyleClass().add("compare-column");
        column.setId("compare-column-" + t.taskId());
        column.setMinWidth(0);
        column.setPrefWidth(0);
        VBox.setVgrow(screen, Priority.ALWAYS);
        return column;
    }

    private Node overlay(PlayerViewModel player) {
        Label label = new Label();
        label.getStyleClass().add("compare-overlay");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            PlayerState s = player.stateProperty().get();
            if (s == PlayerState.PROBLEM && player.problemProperty().get() != null) {
                return player.problemProperty().get().message();
            }
            return s == PlayerState.LOADING ? TEXT.getString("loading") : player.emptyTextProperty().get();
        }, player.stateProperty(), player.problemProperty(), player.emptyTextProperty()));
        label.visibleProperty().bind(player.stateProperty().isEqualTo(PlayerState.PROBLEM)
                .or(player.stateProperty().isEqualTo(PlayerState.EMPTY))
                .or(player.stateProperty().isEqualTo(PlayerState.LOADING)));
        return label;
    }

    private Node transport() {
        SyncedPlayback playback = vm.playback();
        Button play = new Button();
        play.setId("compare-play");
        play.getStyleClass().addAll("primary", "compare-play");
        play.textProperty().bind(Bindings.when(playback.playingProperty())
                .then(TEXT.getString("pause")).otherwise(TEXT.getString("play")));
        play.setOnAction(e -> playback.playPause());
        play.disableProperty().bind(playback.readyProperty().not());
        Button restart = new Button(TEXT.getString("restart"));
        restart.setId("compare-restart");
        restart.setOnAction(e -> playback.seek(0));
        restart.disableProperty().bind(playback.readyProperty().not());

        Slider seek = new Slider(0, 1, 0);
        seek.setId("compare-seek");
        seek.maxProperty().bind(Bindings.max(0.001, playback.durationProperty()));
        playback.positionProperty().addListener((o, was, now) -> {
            if (!seek.isValueChanging()) {
                seek.setValue(now.doubleValue());
            }
        });
        seek.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                playback.seek(seek.getValue());
            }
        });
        seek.setOnMouseReleased(e -> playback.seek(seek.getValue()));
        HBox.setHgrow(seek, Priority.ALWAYS);
        Label time = new Label();
        time.getStyleClass().add("compare-time");
        time.textProperty().bind(playback.timeTextProperty());
        HBox bar = new HBox(10, play, restart, seek, time);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("compare-transport");
        return bar;
    }

    private Node prompts() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("compare-grid");
        equalColumns(grid, false);
        int col = 0;
        for (ComparedTask t : vm.tasks()) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("compare-prompt");
            flow.setId("compare-prompt-" + t.taskId());
            for (PromptDiff.Part part : t.prompt().parts()) {
                Text text = new Text(part.text());
                text.getStyleClass().add(part.changed() ? "diff-changed" : "diff-same");
                flow.getChildren().add(text);
            }
            grid.add(flow, col++, 0);
        }
        Label hint = new Label(TEXT.getString("section.prompts.hint"));
        hint.getStyleClass().add("muted");
        return section(TEXT.getString("section.prompts"), hint, grid);
    }

    private Node parameters() {
        parameterGrid.getStyleClass().add("compare-grid");
        parameterGrid.setId("compare-parameters");
        equalColumns(parameterGrid, true);
        CheckBox only = new CheckBox(TEXT.getString("onlyDifferences"));
        only.setId("compare-only-differences");
        only.selectedProperty().addListener((o, was, now) -> fillParameters(now));
        fillParameters(false);
        return section(TEXT.getString("section.parameters"), only, parameterGrid);
    }

    private void fillParameters(boolean onlyDifferences) {
        parameterGrid.getChildren().clear();
        List<ParameterRow> rows = onlyDifferences ? vm.differences() : vm.parameters();
        int r = 0;
        for (ParameterRow row : rows) {
            Label name = new Label(row.label());
            name.getStyleClass().add("compare-param-name");
            parameterGrid.add(name, 0, r);
            for (int c = 0; c < row.values().size(); c++) {
                String v = row.values().get(c);
                Label value = new Label(v.isEmpty() ? "—" : v);
                value.setWrapText(true);
                value.getStyleClass().add(row.differs() ? "compare-param-differs" : "compare-param-same");
                value.setMaxWidth(Double.MAX_VALUE);
                parameterGrid.add(value, c + 1, r);
            }
            r++;
        }
    }

    /** One column per task (plus a name column first when {@code withNames}), equal widths. */
    private void equalColumns(GridPane grid, boolean withNames) {
        grid.getColumnConstraints().clear();
        if (withNames) {
            ColumnConstraints names = new ColumnConstraints(110, 130, 180);
            grid.getColumnConstraints().add(names);
        }
        for (int i = 0; i < vm.tasks().size(); i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.ALWAYS);
            if (!withNames) {
                c.setPercentWidth(100.0 / vm.tasks().size());
            }
            c.setHalignment(HPos.LEFT);
            c.setFillWidth(true);
            c.setMinWidth(0);
            c.setPrefWidth(10);
            grid.getColumnConstraints().add(c);
        }
    }

    private static Node section(String title, Node aside, Node body) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(10, label, spacer, aside);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, body);
        box.getStyleClass().add("compare-section");
        return box;
    }
}
