package dev.reelwatch.ui.media.player;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.MediaView;
import javafx.stage.Stage;

import java.util.ResourceBundle;

/**
 * The embedded player: the video on black, a status overlay (empty, problem with its way out), and a controls
 * bar (play/pause, first/last frame, seek bar with times, volume/mute, loop, full screen, more). Binds only.
 */
public final class PlayerView extends BorderPane {
    private final PlayerViewModel viewModel;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.media.player.messages");
    private final MediaView mediaView = new MediaView();
    private Stage fullScreen;

    public PlayerView(PlayerViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("player");
        getStylesheets().add(PlayerView.class.getResource("player.css").toExternalForm());
        setFocusTraversable(true);

        StackPane screen = new StackPane(mediaView, emptyOverlay(), problemOverlay());
        screen.getStyleClass().add("player-screen");
        screen.setMinSize(160, 90);
        // A 16:9 screen as wide as the pane; the video is fitted inside and centred. The MediaView is left out
        // of layout so its size never feeds back into the screen's (which would stop the pane from shrinking).
        screen.prefHeightProperty().bind(screen.widthProperty().multiply(9.0 / 16));
        mediaView.setManaged(false);
        mediaView.setPreserveRatio(true);
        mediaView.setSmooth(true);
        mediaView.fitWidthProperty().bind(screen.widthProperty());
        mediaView.fitHeightProperty().bind(screen.heightProperty());
        mediaView.layoutXProperty().bind(screen.widthProperty()
                .subtract(Bindings.createDoubleBinding(() -> mediaView.getLayoutBounds().getWidth(),
                        mediaView.layoutBoundsProperty())).divide(2));
        mediaView.layoutYProperty().bind(screen.heightProperty()
                .subtract(Bindings.createDoubleBinding(() -> mediaView.getLayoutBounds().getHeight(),
                        mediaView.layoutBoundsProperty())).divide(2));
        mediaView.visibleProperty().bind(viewModel.engineProperty().isNotNull());
        screen.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            requestFocus();
            if (e.getClickCount() == 2) {
                toggleFullScreen();
            } else if (viewModel.engineProperty().get() != null) {
                viewModel.playPause();
            }
        });
        setCenter(screen);
        setBottom(controls());

        viewModel.engineProperty().addListener((o, was, now) -> {
            mediaView.setMediaPlayer(now instanceof FxPlaybackEngines.FxPlaybackEngine fx ? fx.mediaPlayer() : null);
            if (now == null) {
                closeFullScreen();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    public PlayerViewModel viewModel() {
        return viewModel;
    }

    private Node emptyOverlay() {
        Label label = new Label();
        label.getStyleClass().add("player-empty");
        label.textProperty().bind(viewModel.emptyTextProperty());
        label.setWrapText(true);
        label.visibleProperty().bind(viewModel.stateProperty().isEqualTo(PlayerState.EMPTY));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private Node problemOverlay() {
        Label message = new Label();
        message.getStyleClass().add("player-problem-text");
        message.setWrapText(true);
        message.setMaxWidth(440);
        message.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.problemProperty().get() == null ? "" : viewModel.problemProperty().get().message(),
                viewModel.problemProperty()));
        Button system = new Button(text.getString("action.openSystemPlayer"));
        system.setOnAction(e -> viewModel.openInSystemPlayer());
        system.disableProperty().bind(viewModel.hasLocalFileProperty().not().and(viewModel.hasLinkProperty().not()));
        Button folder = new Button(text.getString("action.openFolder"));
        folder.setOnAction(e -> viewModel.openContainingFolder());
        folder.disableProperty().bind(viewModel.hasLocalFileProperty().not());
        HBox actions = new HBox(8, system, folder);
        actions.setAlignment(Pos.CENTER);
        Node icon = PlayerIcons.icon(PlayerIcons.WARNING);
        icon.getStyleClass().add("player-problem-icon");
        VBox box = new VBox(12, icon, message, actions);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("player-problem");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.visibleProperty().bind(viewModel.stateProperty().isEqualTo(PlayerState.PROBLEM));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node controls() {
        Button play = iconButton(PlayerIcons.PLAY, "tooltip.play");
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> PlayerIcons.icon(
                viewModel.stateProperty().get() == PlayerState.PLAYING ? PlayerIcons.PAUSE : PlayerIcons.PLAY),
                viewModel.stateProperty()));
        play.setOnAction(e -> viewModel.playPause());
        play.getStyleClass().add("player-play");
        Button first = iconButton(PlayerIcons.FIRST, "tooltip.first");
        first.setOnAction(e -> viewModel.toFirstFrame());
        Button last = iconButton(PlayerIcons.LAST, "tooltip.last");
        last.setOnAction(e -> viewModel.toLastFrame());

        Label position = new Label();
        position.textProperty().bind(viewModel.positionTextProperty());
        position.getStyleClass().add("player-time");
        Label duration = new Label();
        duration.textProperty().bind(viewModel.durationTextProperty());
        duration.getStyleClass().add("player-time");

        Slider seek = new Slider(0, 1, 0);
        seek.getStyleClass().add("player-seek");
        seek.maxProperty().bind(Bindings.max(0.001, viewModel.durationSecondsProperty()));
        viewModel.positionSecondsProperty().addListener((o, was, now) -> {
            if (!seek.isValueChanging()) {
                seek.setValue(now.doubleValue());
            }
        });
        seek.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                viewModel.seek(seek.getValue());
            }
        });
        seek.setOnMouseReleased(e -> viewModel.seek(seek.getValue()));
        HBox.setHgrow(seek, Priority.ALWAYS);
        seek.setMaxWidth(Double.MAX_VALUE);

        ToggleButton mute = new ToggleButton();
        mute.getStyleClass().add("player-button");
        mute.setTooltip(new Tooltip(text.getString("tooltip.mute")));
        mute.selectedProperty().bindBidirectional(viewModel.mutedProperty());
        mute.graphicProperty().bind(Bindings.createObjectBinding(() -> PlayerIcons.icon(
                viewModel.mutedProperty().get() ? PlayerIcons.MUTED : PlayerIcons.VOLUME), viewModel.mutedProperty()));
        Slider volume = new Slider(0, 1, 0.8);
        volume.getStyleClass().add("player-volume");
        volume.setPrefWidth(80);
        volume.valueProperty().bindBidirectional(viewModel.volumeProperty());
        ToggleButton loop = new ToggleButton(null, PlayerIcons.icon(PlayerIcons.LOOP));
        loop.getStyleClass().add("player-button");
        loop.setTooltip(new Tooltip(text.getString("tooltip.loop")));
        loop.selectedProperty().bindBidirectional(viewModel.loopProperty());
        Button full = iconButton(PlayerIcons.FULLSCREEN, "tooltip.fullscreen");
        full.setOnAction(e -> toggleFullScreen());

        MenuItem openSystem = new MenuItem(text.getString("action.openSystemPlayer"));
        openSystem.setOnAction(e -> viewModel.openInSystemPlayer());
        openSystem.disableProperty().bind(viewModel.hasLocalFileProperty().not().and(viewModel.hasLinkProperty().not()));
        MenuItem openFolder = new MenuItem(text.getString("action.openFolder"));
        openFolder.setOnAction(e -> viewModel.openContainingFolder());
        openFolder.disableProperty().bind(viewModel.hasLocalFileProperty().not());
        MenuItem copyUrl = new MenuItem(text.getString("action.copyUrl"));
        copyUrl.setOnAction(e -> viewModel.videoUrl().ifPresent(url -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(url);
            Clipboard.getSystemClipboard().setContent(content);
        }));
        copyUrl.disableProperty().bind(viewModel.hasLinkProperty().not());
        // Loop and full screen, in the menu while the bar is too narrow for their buttons.
        javafx.scene.control.CheckMenuItem loopItem = new javafx.scene.control.CheckMenuItem(
                text.getString("action.loop"));
        loopItem.selectedProperty().bindBidirectional(viewModel.loopProperty());
        MenuItem fullItem = new MenuItem(text.getString("action.fullscreen"));
        fullItem.setOnAction(e -> toggleFullScreen());
        loopItem.disableProperty().bind(viewModel.engineProperty().isNull());
        fullItem.disableProperty().bind(viewModel.engineProperty().isNull());
        javafx.scene.control.SeparatorMenuItem narrowItems = new javafx.scene.control.SeparatorMenuItem();
        MenuButton more = new MenuButton(null, PlayerIcons.icon(PlayerIcons.MORE), openSystem, openFolder, copyUrl,
                narrowItems, loopItem, fullItem);
        more.getStyleClass().add("player-more");
        more.setTooltip(new Tooltip(text.getString("tooltip.more")));

        Label source = new Label();
        source.textProperty().bind(viewModel.sourceTextProperty());
        source.getStyleClass().add("player-source");

        HBox bar = new HBox(6, play, first, last, position, seek, duration, mute, volume, loop, full, more);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        seek.setMinWidth(40);
        // In a narrow pane the seek bar and the "more" menu keep their room: the volume slider, first/last frame,
        // loop, mute, full screen and the duration give way in that order (they stay on the keyboard: Home, End,
        // L, M, F; loop and full screen also in the menu).
        showFrom(bar, 470, volume);
        showFrom(bar, 390, first, last);
        showFrom(bar, 340, loop);
        showFrom(bar, 300, mute);
        showFrom(bar, 270, full);
        showFrom(bar, 230, duration);
        loopItem.visibleProperty().bind(loop.visibleProperty().not());
        fullItem.visibleProperty().bind(full.visibleProperty().not());
        narrowItems.visibleProperty().bind(loopItem.visibleProperty().or(fullItem.visibleProperty()));
        more.setMinWidth(Region.USE_PREF_SIZE);
        play.setMinWidth(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("player-controls");
        for (Node n : bar.getChildren()) {
            if (n != seek && n != position && n != duration && n != more) {
                n.disableProperty().bind(viewModel.engineProperty().isNull());
            }
        }
        VBox bottom = new VBox(2, bar, source);
        bottom.getStyleClass().add("player-bottom");
        return bottom;
    }

    private static void showFrom(HBox bar, double minBarWidth, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(bar.widthProperty().isEqualTo(0).or(bar.widthProperty().greaterThanOrEqualTo(
                    minBarWidth)));
            n.managedProperty().bind(n.visibleProperty());
        }
    }

    private Button iconButton(String path, String tooltipKey) {
        Button b = new Button(null, PlayerIcons.icon(path));
        b.getStyleClass().add("player-button");
        b.setTooltip(new Tooltip(text.getString(tooltipKey)));
        b.setFocusTraversable(false);
        return b;
    }

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        switch (code) {
            case SPACE -> viewModel.playPause();
            case HOME -> viewModel.toFirstFrame();
            case END -> viewModel.toLastFrame();
            case LEFT -> viewModel.seekBy(-5);
            case RIGHT -> viewModel.seekBy(5);
            case M -> viewModel.toggleMute();
            case L -> viewModel.toggleLoop();
            case F -> toggleFullScreen();
            case ESCAPE -> closeFullScreen();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Full screen shows the same player in a black window of its own; Esc or double-click leaves. */
    private void toggleFullScreen() {
        if (fullScreen != null) {
            closeFullScreen();
            return;
        }
        if (!(viewModel.engineProperty().get() instanceof FxPlaybackEngines.FxPlaybackEngine fx)) {
            return;
        }
        MediaView big = new MediaView(fx.mediaPlayer());
        big.setPreserveRatio(true);
        StackPane pane = new StackPane(big);
        pane.getStyleClass().add("player-fullscreen");
        big.fitWidthProperty().bind(pane.widthProperty());
        big.fitHeightProperty().bind(pane.heightProperty());
        Scene scene = new Scene(pane, 960, 540);
        scene.getStylesheets().add(PlayerView.class.getResource("player.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        pane.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                closeFullScreen();
            } else {
                viewModel.playPause();
            }
        });
        fullScreen = new Stage();
        if (getScene() != null && getScene().getWindow() != null) {
            fullScreen.initOwner(getScene().getWindow());
        }
        fullScreen.setScene(scene);
        fullScreen.setFullScreenExitHint("");
        fullScreen.setFullScreen(true);
        fullScreen.setOnHidden(e -> fullScreen = null);
        fullScreen.show();
    }

    private void closeFullScreen() {
        if (fullScreen != null) {
            Stage s = fullScreen;
            fullScreen = null;
            s.close();
        }
    }
}
