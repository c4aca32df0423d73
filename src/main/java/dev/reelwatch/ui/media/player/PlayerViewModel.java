package dev.reelwatch.ui.media.player;

import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The embedded player's state and commands: plays the archived file when there is one, otherwise streams the
 * provider's link; disposes the previous player on every selection change; turns every failure into a
 * {@link PlaybackProblem} with a way out (system player, containing folder).
 */
public final class PlayerViewModel {
    private final TaskStore tasks;
    private final PlaybackEngines engines;
    private final SystemOpener opener;
    private final Clock clock;
    private final Supplier<PlaybackHost> host;
    private final ResourceBundle text;

    private final ReadOnlyObjectWrapper<PlayerState> state = new ReadOnlyObjectWrapper<>(PlayerState.EMPTY);
    private final ReadOnlyObjectWrapper<PlaybackEngine> engine = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlaybackProblem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper positionSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper durationSeconds = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper positionText = new ReadOnlyStringWrapper(format(Duration.ZERO));
    private final ReadOnlyStringWrapper durationText = new ReadOnlyStringWrapper(format(Duration.ZERO));
    private final ReadOnlyBooleanWrapper hasLocalFile = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasLink = new ReadOnlyBooleanWrapper();
    private final DoubleProperty volume = new SimpleDoubleProperty(0.8);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final BooleanProperty loop = new SimpleBooleanProperty();
    private final ObjectProperty<Long> taskId = new SimpleObjectProperty<>();

    private Path localFile;
    private String link;

    /**
     * @param host what this machine offers the player (decoders, sound output), asked for when playback fails;
     *             {@link PlaybackHost#unknown} until probed
     */
    public PlayerViewModel(TaskStore tasks, PlaybackEngines engines, SystemOpener opener, Clock clock,
                           Supplier<PlaybackHost> host) {
        this.tasks = tasks;
        this.engines = engines;
        this.opener = opener;
        this.clock = clock;
        this.host = host;
        this.text = ResourceBundle.getBundle("dev.reelwatch.ui.media.player.messages");
        volume.addListener((o, was, now) -> current().ifPresent(e -> e.volume(now.doubleValue())));
        muted.addListener((o, was, now) -> current().ifPresent(e -> e.mute(now)));
        loop.addListener((o, was, now) -> current().ifPresent(e -> e.loop(now)));
        emptyText.set(text.getString("empty.nothingSelected"));
    }

    /** Shows the task's video (null: nothing). Always disposes the previous player first. */
    public void select(Long newTaskId) {
        disposeEngine();
        taskId.set(newTaskId);
        localFile = null;
        link = null;
        hasLocalFile.set(false);
        hasLink.set(false);
        problem.set(null);
        positionSeconds.set(0);
        durationSeconds.set(0);
        positionText.set(format(Duration.ZERO));
        durationText.set(format(Duration.ZERO));
        sourceText.set("");
        if (newTaskId == null) {
            showEmpty("empty.nothingSelected");
            return;
        }
        Optional<StoredTask> task = tasks.byId(newTaskId);
        Optional<StoredOutput> video = task.flatMap(VideoExporter::primaryVideo);
        if (video.isEmpty()) {
            showEmpty(task.isPresent() && !task.get().task().status().isTerminal() ? "empty.notFinished" : "empty.noVideo");
            return;
        }
        TaskOutput output = video.get().output();
        if (output.refusal() != null) {
            // Reelwatch refused this output (e.g. a path outside the task's folder): never streamed or offered.
            fail(PlaybackProblem.of(PlaybackProblem.Kind.REFUSED, text, output.refusal()));
            return;
        }
        link = output.url();
        hasLink.set(link.startsWith("http://") || link.startsWith("https://"));
        String archived = video.get().localPath();
        if (archived != null && Files.isRegularFile(Path.of(archived))) {
            localFile = Path.of(archived);
            hasLocalFile.set(true);
            sourceText.set(text.getString("source.archived"));
            open(localFile.toUri().toString());
            return;
        }
        // Only a server's refusal stops the player; a provider-stated expiry in the past still gets one try.
        if (video.get().archiveState() == ArchiveState.LINK_EXPIRED) {
            fail(PlaybackProblem.of(PlaybackProblem.Kind.LINK_EXPIRED, text, ""));
            return;
        }
        if (output.requiresAuth()) {
            fail(PlaybackProblem.of(PlaybackProblem.Kind.NEEDS_ARCHIVE, text, ""));
            return;
        }
        sourceText.set(output.isExpiredAt(clock.instant())
                ? java.text.MessageFormat.format(text.getString("source.streamingMayHaveExpired"), output.expiresAt())
                : text.getString("source.streaming"));
        open(link);
    }

    /** Re-reads the shown task when it changed and is not playing fine (e.g. its video was just archived). */
    public void tasksChanged(Collection<Long> changed) {
        Long shown = taskId.get();
        if (shown != null && changed.contains(shown) && localFile == null
                && (state.get() == PlayerState.PROBLEM || state.get() == PlayerState.EMPTY)) {
            select(shown);
        }
    }

    private void open(String uri) {
        state.set(PlayerState.LOADING);
        PlaybackEngine[] self = new PlaybackEngine[1];
        self[0] = engines.open(uri, new PlaybackEvents() {
            private boolean stale() {
                return engine.get() != self[0] || self[0] == null;
            }

            @Override
            public void ready(Duration total) {
                if (stale()) {
                    return;
                }
                durationSeconds.set(total.toMillis() / 1000.0);
                durationText.set(format(total));
                if (state.get() == PlayerState.LOADING) {
                    state.set(PlayerState.PAUSED);
                }
            }

            @Override
            public void time(Duration position) {
                if (stale()) {
                    return;
                }
                positionSeconds.set(position.toMillis() / 1000.0);
                positionText.set(format(position));
            }

            @Override
            public void playing(boolean playing) {
                if (stale() || state.get() == PlayerState.PROBLEM) {
                    return;
                }
                if (playing) {
                    state.set(PlayerState.PLAYING);
                } else if (state.get() == PlayerState.PLAYING) {
                    state.set(PlayerState.PAUSED);
                }
            }

            @Override
            public void ended() {
                if (!stale()) {
                    state.set(PlayerState.ENDED);
                }
            }

            @Override
            public void failed(String type, String message) {
                if (self[0] == null || !stale()) {
                    fail(PlaybackProblem.classify(type, message, host.get(), text));
                }
            }
        });
        if (state.get() == PlayerState.PROBLEM) {
            // Failed while being created: nothing to keep.
            self[0].dispose();
            return;
        }
        engine.set(self[0]);
        self[0].volume(volume.get());
        self[0].mute(muted.get());
        self[0].loop(loop.get());
    }

    private void fail(PlaybackProblem p) {
        problem.set(p);
        state.set(PlayerState.PROBLEM);
        disposeEngine();
    }

    private void showEmpty(String key) {
        emptyText.set(text.getString(key));
        state.set(PlayerState.EMPTY);
    }

    public void playPause() {
        current().ifPresent(e -> {
            if (state.get() == PlayerState.PLAYING) {
                e.pause();
            } else {
                if (state.get() == PlayerState.ENDED) {
                    e.seek(Duration.ZERO);
                }
                e.play();
            }
        });
    }

    public void seek(double seconds) {
        current().ifPresent(e -> {
            double clamped = Math.max(0, Math.min(durationSeconds.get(), seconds));
            e.seek(Duration.ofMillis((long) (clamped * 1000)));
            positionSeconds.set(clamped);
            positionText.set(format(Duration.ofMillis((long) (clamped * 1000))));
            if (state.get() == PlayerState.ENDED) {
                state.set(PlayerState.PAUSED);
            }
        });
    }

    public void seekBy(double seconds) {
        seek(positionSeconds.get() + seconds);
    }

    /** Pauses on the first frame. */
    public void toFirstFrame() {
        current().ifPresent(PlaybackEngine::pause);
        seek(0);
    }

    /** Pauses on the last frame. */
    public void toLastFrame() {
        current().ifPresent(PlaybackEngine::pause);
        seek(Math.max(0, durationSeconds.get() - 0.05));
    }

    public void toggleMute() {
        muted.set(!muted.get());
    }

    public void toggleLoop() {
        loop.set(!loop.get());
    }

    public void openInSystemPlayer() {
        if (localFile != null) {
            opener.open(localFile);
        } else if (hasLink.get()) {
            opener.browse(URI.create(link));
        }
    }

    public void openContainingFolder() {
        if (localFile != null) {
            opener.reveal(localFile);
        }
    }

    /** The provider's link of the shown video (for "Copy video URL"); empty when none. */
    public Optional<String> videoUrl() {
        return Optional.ofNullable(link);
    }

    /** Frees the player: on selection change and when the pane goes away. */
    public void dispose() {
        disposeEngine();
    }

    private void disposeEngine() {
        PlaybackEngine e = engine.get();
        engine.set(null);
        if (e != null) {
            e.dispose();
        }
    }

    private Optional<PlaybackEngine> current() {
        return Optional.ofNullable(engine.get());
    }

    /** "0:07", "12:30", "1:02:03". */
    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    public ReadOnlyObjectProperty<PlayerState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PlaybackEngine> engineProperty() { return engine.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PlaybackProblem> problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyTextProperty() { return emptyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty sourceTextProperty() { return sourceText.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty positionSecondsProperty() { return positionSeconds.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty durationSecondsProperty() { return durationSeconds.getReadOnlyProperty(); }
    public ReadOnlyStringProperty positionTextProperty() { return positionText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty durationTextProperty() { return durationText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasLocalFileProperty() { return hasLocalFile.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty hasLinkProperty() { return hasLink.getReadOnlyProperty(); }
    public DoubleProperty volumeProperty() { return volume; }
    public BooleanProperty mutedProperty() { return muted; }
    public BooleanProperty loopProperty() { return loop; }
    public ReadOnlyObjectProperty<Long> taskIdProperty() { return taskId; }
}
