package dev.reelwatch.ui.media.player;

import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.MediaTestbed;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.store.StoredTask;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@ExtendWith(ApplicationExtension.class)
class PlayerViewTest {
    @TempDir
    Path dir;
    MediaTestbed bed;
    Account account;
    FxPlaybackEngines engines;
    PlayerViewModel viewModel;
    int taskCounter;
    Stage stage;
    /** This machine as the app sees it: on CI, FFmpeg's decoders and no sound output. */
    final PlaybackHost host = PlaybackHost.probe(System.getProperty("os.name", ""));

    @Start
    void start(Stage stage) {
        this.stage = stage;
        bed = new MediaTestbed(dir);
        account = bed.addAccount(ProviderKind.MESHAPI, "studio", URI.create("http://127.0.0.1:9"), null);
        engines = new FxPlaybackEngines();
        viewModel = new PlayerViewModel(bed.tasks, engines, new SystemOpener(Runnable::run, "Linux", cmd -> { }),
                bed.clock, () -> host);
        Scene scene = new Scene(new PlayerView(viewModel), 640, 420);
        ThemeStylesheets.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(viewModel::dispose);
        bed.close();
    }

    @Test
    void aVideoOnlyClipPlaysToTheEndInTheShownPlayer(FxRobot robot) throws Exception {
        MediaLibraries.require();
        long id = archivedTask(clipResource("/dev/reelwatch/sim/clips/testcard.mp4")).id();

        robot.interact(() -> viewModel.select(id));
        awaitFx(robot, "the player is ready", () -> viewModel.stateProperty().get() == PlayerState.PAUSED);
        assertEquals(3.0, viewModel.durationSecondsProperty().get(), 0.2);
        assertEquals("0:03", viewModel.durationTextProperty().get());
        robot.interact(viewModel::playPause);

        awaitFx(robot, "the end of the clip", () -> viewModel.stateProperty().get() == PlayerState.ENDED);
        assertTrue(viewModel.positionSecondsProperty().get() > 2.5);
        assertEquals(1, engines.livePlayers());
    }

    @Test
    void aClipWithSoundReportsAMissingAudioDeviceInsteadOfFailingSilently(FxRobot robot) throws Exception {
        MediaLibraries.require();
        long id = archivedTask(Path.of("src/test/resources/media/with-audio.mp4")).id();

        robot.interact(() -> viewModel.select(id));
        robot.interact(viewModel::playPause);

        awaitFx(robot, "playback or a told problem", () -> viewModel.stateProperty().get() == PlayerState.PROBLEM
                || viewModel.positionSecondsProperty().get() > 0.5);
        if (viewModel.stateProperty().get() == PlayerState.PROBLEM) {
            PlaybackProblem problem = viewModel.problemProperty().get();
            assertEquals(PlaybackProblem.Kind.NO_AUDIO_DEVICE, problem.kind(), problem.message());
            assertTrue(problem.message().contains("No audio device is available"), problem.message());
            assertEquals(0, engines.livePlayers(), "the failed player is freed");
        } else {
            assertEquals(PlayerState.PLAYING, viewModel.stateProperty().get(), "this machine has a sound device");
        }
    }

    @Test
    void fiftyQuickSelectionSwitchesLeaveAtMostOneLivePlayer(FxRobot robot) throws Exception {
        MediaLibraries.require();
        List<Long> ids = new ArrayList<>();
        Path clip = clipResource("/dev/reelwatch/sim/clips/bars.mp4");
        for (int i = 0; i < 50; i++) {
            ids.add(archivedTask(clip).id());
        }

        for (Long id : ids) {
            robot.interact(() -> viewModel.select(id));
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(engines.livePlayers() <= 1, "live players: " + engines.livePlayers());
        robot.interact(() -> viewModel.select(null));
        assertEquals(0, engines.livePlayers());
        assertEquals(PlayerState.EMPTY, viewModel.stateProperty().get());
    }

    @Test
    void aLinkPastItsProviderStatedExpiryIsStillStreamedWithAWarning(FxRobot robot) throws Exception {
        MediaLibraries.require();
        Task task = Task.builder("stale-" + (++taskCounter), TaskStatus.SUCCEEDED)
                .addOutput(new TaskOutput(0, "http://127.0.0.1:9/v.mp4", dev.reelwatch.core.OutputKind.VIDEO,
                        MediaTestbed.T0.minusSeconds(5), null, null, "video/mp4", false)).build();
        long id = bed.cache(account, task).id();

        // Read in the same FX pulse as the selection: what the player decided before any engine event.
        List<Object> seen = WaitForAsyncUtils.asyncFx(() -> {
            viewModel.select(id);
            return List.<Object>of(viewModel.stateProperty().get(), engines.livePlayers(),
                    viewModel.sourceTextProperty().get());
        }).get();

        assertEquals(PlayerState.LOADING, seen.get(0), "one attempt is made despite the stated expiry");
        assertEquals(1, seen.get(1), "an engine was opened on the link");
        assertTrue(((String) seen.get(2)).contains("may have expired"), (String) seen.get(2));
    }

    @Test
    void aLinkTheServerRefusedIsToldWithoutTryingToPlay(FxRobot robot) {
        Task task = Task.builder("gone-" + (++taskCounter), TaskStatus.SUCCEEDED)
                .addOutput(TaskOutput.video(0, "https://cdn.example/v.mp4")).build();
        StoredTask stored = bed.cache(account, task);
        bed.tasks.updateArchive(stored.outputs().get(0).id(), ArchiveState.LINK_EXPIRED, null, null, null, null,
                "HTTP 403");

        robot.interact(() -> viewModel.select(stored.id()));

        assertEquals(PlayerState.PROBLEM, viewModel.stateProperty().get());
        assertEquals(PlaybackProblem.Kind.LINK_EXPIRED, viewModel.problemProperty().get().kind());
        assertTrue(viewModel.problemProperty().get().message().contains("expired"));
        assertEquals(0, engines.livePlayers());
    }

    @Test
    void anOutputReelwatchRefusedIsNeverStreamed(FxRobot robot) {
        Task task = Task.builder("refused-" + (++taskCounter), TaskStatus.SUCCEEDED)
                .addOutput(TaskOutput.refused(0, "http://127.0.0.1:9/../../etc/v.mp4",
                        dev.reelwatch.core.OutputKind.VIDEO, "video/mp4",
                        "the server named a file outside the task's folder")).build();
        long id = bed.cache(account, task).id();

        robot.interact(() -> viewModel.select(id));

        assertEquals(PlayerState.PROBLEM, viewModel.stateProperty().get());
        assertEquals(PlaybackProblem.Kind.REFUSED, viewModel.problemProperty().get().kind());
        assertTrue(viewModel.problemProperty().get().message().contains("outside the task's folder"),
                viewModel.problemProperty().get().message());
        assertEquals(0, engines.livePlayers());
        assertEquals(false, viewModel.hasLinkProperty().get(), "the refused link is not offered either");
    }

    @Test
    void theMoreMenuStaysInsideTheControlsInANarrowDetailPane(FxRobot robot) throws Exception {
        for (double width : new double[]{200, 240, 280, 320, 360, 420, 640}) {
            robot.interact(() -> stage.setWidth(width));
            WaitForAsyncUtils.waitForFxEvents();
            awaitFx(robot, "laid out at " + width, () -> Math.abs(stage.getScene().getWidth() - width) < 1);
            WaitForAsyncUtils.waitForFxEvents();
            double[] edges = WaitForAsyncUtils.asyncFx(() -> {
                javafx.scene.Node more = stage.getScene().getRoot().lookup(".player-more");
                javafx.scene.Node bar = stage.getScene().getRoot().lookup(".player-controls");
                return new double[]{more.localToScene(more.getLayoutBounds()).getMaxX(),
                        bar.localToScene(bar.getLayoutBounds()).getMaxX(), stage.getScene().getWidth()};
            }).get();
            assertTrue(edges[0] <= Math.min(edges[1], edges[2]) + 0.5,
                    "at " + width + " px the \u22ef button ends at " + edges[0] + ", the bar at " + edges[1]);
        }
    }

    private StoredTask archivedTask(Path source) throws Exception {
        String providerId = "task-" + (++taskCounter);
        Task task = Task.builder(providerId, TaskStatus.SUCCEEDED).createdAt(Instant.parse("2025-03-01T09:00:00Z"))
                .addOutput(TaskOutput.video(0, "https://cdn.example/" + providerId + ".mp4")).build();
        StoredTask stored = bed.cache(account, task);
        Path file = bed.library.fileFor(stored, task.outputs().get(0));
        Files.createDirectories(file.getParent());
        Files.copy(source, file);
        bed.tasks.updateArchive(stored.outputs().get(0).id(), ArchiveState.ARCHIVED, file.toString(), Files.size(file),
                null, 100, null);
        return bed.tasks.byId(stored.id()).orElseThrow();
    }

    private Path clipResource(String resource) throws Exception {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        if (!Files.exists(file)) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(resource))) {
                Files.copy(in, file);
            }
        }
        return file;
    }

    private static void awaitFx(FxRobot robot, String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Callable<Boolean> check = condition::getAsBoolean;
        while (!WaitForAsyncUtils.asyncFx(check).get()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
