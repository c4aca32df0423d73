package dev.reelwatch.ui.compare;

import dev.reelwatch.ui.media.player.PlayerState;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;

/**
 * One transport for several players: play, pause and seek go to all of them, and while they play any player
 * that drifts more than {@link #TOLERANCE_SECONDS} from the leader (the longest clip that can play) is put
 * back in step. A clip shorter than the others simply ends first and waits on its last frame.
 */
public final class SyncedPlayback {
    /** How far a player may wander from the leader before it is re-seeked. */
    public static final double TOLERANCE_SECONDS = 0.25;

    private final List<PlayerViewModel> players;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(this, "position");
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper(this, "timeText", "0:00 / 0:00");
    private int resyncs;

    public SyncedPlayback(List<PlayerViewModel> players) {
        this.players = List.copyOf(players);
        for (PlayerViewModel p : this.players) {
            p.stateProperty().addListener((o, was, now) -> update());
            p.durationSecondsProperty().addListener((o, was, now) -> update());
            p.positionSecondsProperty().addListener((o, was, now) -> {
                if (p == leader()) {
                    followLeader();
                }
            });
        }
        update();
    }

    /** Plays all when none is playing, otherwise pauses all. */
    public void playPause() {
        if (anyPlaying()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        // Clips that already ended start over with the others from the leader's position.
        if (players.stream().allMatch(p -> !playable(p) || p.stateProperty().get() == PlayerState.ENDED)) {
            seek(0);
        }
        for (PlayerViewModel p : players) {
            PlayerState s = p.stateProperty().get();
            if (s == PlayerState.PAUSED || (s == PlayerState.ENDED && p.positionSecondsProperty().get()
                    < p.durationSecondsProperty().get() - TOLERANCE_SECONDS)) {
                p.playPause();
            }
        }
        playing.set(true);
    }

    public void pause() {
        for (PlayerViewModel p : players) {
            if (p.stateProperty().get() == PlayerState.PLAYING) {
                p.playPause();
            }
        }
        playing.set(false);
    }

    /** Moves every player to {@code seconds} (a shorter clip to its last frame). */
    public void seek(double seconds) {
        double clamped = Math.max(0, Math.min(duration.get(), seconds));
        for (PlayerViewModel p : players) {
            if (playable(p)) {
                p.seek(Math.min(clamped, Math.max(0, p.durationSecondsProperty().get() - 0.05)));
            }
        }
        position.set(clamped);
        showTime();
    }

    public void seekBy(double seconds) {
        seek(position.get() + seconds);
    }

    /** How many times a drifting player was put back in step (for tests and diagnostics). */
    public int resyncs() {
        return resyncs;
    }

    private void followLeader() {
        PlayerViewModel leader = leader();
        if (leader == null) {
            return;
        }
        double at = leader.positionSecondsProperty().get();
        position.set(at);
        showTime();
        if (!playing.get()) {
            return;
        }
        for (PlayerViewModel p : players) {
            if (p != leader && p.stateProperty().get() == PlayerState.PLAYING
                    && at < p.durationSecondsProperty().get() - TOLERANCE_SECONDS
                    && Math.abs(p.positionSecondsProperty().get() - at) > TOLERANCE_SECONDS) {
                resyncs++;
                p.seek(at);
            }
        }
    }

    private void update() {
        PlayerViewModel leader = leader();
        duration.set(leader == null ? 0 : leader.durationSecondsProperty().get());
        ready.set(players.stream().noneMatch(p -> p.stateProperty().get() == PlayerState.LOADING) && leader != null);
        if (playing.get() && !anyPlaying() && players.stream().allMatch(p -> p.stateProperty().get() != PlayerState.LOADING
                && p.stateProperty().get() != PlayerState.PAUSED)) {
            // Every clip reached its end (or could not play).
            playing.set(false);
        }
        showTime();
    }

    /** The longest clip that can play; its clock is the shared one. */
    private PlayerViewModel leader() {
        PlayerViewModel best = null;
        for (PlayerViewModel p : players) {
            if (playable(p) && (best == null
                    || p.durationSecondsProperty().get() > best.durationSecondsProperty().get())) {
                best = p;
            }
        }
        return best;
    }

    private static boolean playable(PlayerViewModel p) {
        PlayerState s = p.stateProperty().get();
        return s == PlayerState.PAUSED || s == PlayerState.PLAYING || s == PlayerState.ENDED;
    }

    private boolean anyPlaying() {
        return players.stream().anyMatch(p -> p.stateProperty().get() == PlayerState.PLAYING);
    }

    private void showTime() {
        timeText.set(PlayerViewModel.format(Duration.ofMillis((long) (position.get() * 1000))) + " / "
                + PlayerViewModel.format(Duration.ofMillis((long) (duration.get() * 1000))));
    }

    public List<PlayerViewModel> players() {
        return players;
    }

    /** True from play until pause, or until every clip has ended. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True when no player is still loading and at least one can play. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** "0:01 / 0:03". */
    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }
}
