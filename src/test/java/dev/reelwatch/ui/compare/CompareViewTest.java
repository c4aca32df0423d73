package dev.reelwatch.ui.compare;

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
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.media.player.FxPlaybackEngines;
import dev.reelwatch.ui.media.player.MediaLibraries;
import dev.reelwatch.ui.media.player.PlayerState;
import dev.reelwatch.ui.media.player.PlaybackHost;
import dev.reelwatch.ui.media.player.PlayerViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real video-only clips side by side in a shown window: one transport plays, seeks and pauses both, and
 * they stay in step to the end.
 */
class CompareViewTest extends FxThreadApplicationTest {
    @TempDir
    Path dir;
    MediaTestbed bed;
    Account account;
    FxPlaybackEngines engines;
    Stage stage;
    CompareViewModel vm;
    int counter;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        bed = new MediaTestbed(dir);
        account = bed.addAccount(ProviderKind.MESHAPI, "studio", URI.create("http://127.0.0.1:9"), null);
        engines = new FxPlaybackEngines();
        stage.setScene(new Scene(new Label("loading"), 1100, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (vm != null) {
            interact(vm::close);
        }
        org.testfx.api.FxToolkit.cleanupStages();
        bed.close();
    }

    @Test
    void oneTransportPlaysBothClipsInStepToTheEnd() throws Exception {
        MediaLibraries.require();
        StoredTask a = archivedTask("testcard", "A lighthouse in a storm, waves crashing", Map.of("style", "cinematic"));
        StoredTask b = archivedTask("bars", "A lighthouse in fog, waves crashing", Map.of("style", "noir"));
        show(List.of(a, b));
        SyncedPlayback playback = vm.playback();
        waitUntil("both players ready", () -> playback.readyProperty().get()
                && vm.tasks().stream().allMatch(t -> t.player().stateProperty().get() == PlayerState.PAUSED));
        assertEquals(3.0, playback.durationProperty().get(), 0.2);

        clickOn("#compare-play");
        waitUntil("both playing", () -> vm.tasks().stream()
                .allMatch(t -> t.player().stateProperty().get() == PlayerState.PLAYING));
        waitUntil("a second in", () -> playback.positionProperty().get() > 1.0);
        double drift = callFx(() -> Math.abs(position(0) - position(1)));
        assertTrue(drift < 0.5, "the players drift apart by " + drift + " s");

        waitUntil("both at their end", () -> vm.tasks().stream()
                .allMatch(t -> t.player().stateProperty().get() == PlayerState.ENDED));
        waitUntil("the transport stops", () -> !playback.playingProperty().get());
        assertTrue(callFx(() -> position(0)) > 2.5 && callFx(() -> position(1)) > 2.5);
        assertEquals(2, engines.livePlayers());
    }

    @Test
    void seekAndPauseGoToEveryPlayer() throws Exception {
        MediaLibraries.require();
        show(List.of(archivedTask("mandel", "p", Map.of()), archivedTask("aurora", "p", Map.of())));
        SyncedPlayback playback = vm.playback();
        waitUntil("ready", () -> playback.readyProperty().get());

        interact(() -> playback.seek(1.5));
        assertEquals(1.5, callFx(() -> position(0)), 0.01);
        assertEquals(1.5, callFx(() -> position(1)), 0.01);
        interact(playback::play);
        waitUntil("both playing", () -> vm.tasks().stream()
                .allMatch(t -> t.player().stateProperty().get() == PlayerState.PLAYING));
        waitUntil("past two seconds", () -> playback.positionProperty().get() > 2.0);
        interact(playback::pause);
        waitUntil("both paused", () -> vm.tasks().stream()
                .allMatch(t -> t.player().stateProperty().get() == PlayerState.PAUSED));
        assertTrue(callFx(() -> Math.abs(position(0) - position(1))) < 0.5);
        assertTrue(!playback.playingProperty().get());

        interact(() -> stage.hide());
        assertEquals(0, engines.livePlayers(), "closing the window frees both players");
    }

    @Test
    void promptsAndParametersShowWhatDiffers() throws Exception {
        show(List.of(archivedTask("testcard", "A red fox in the snow", Map.of("style", "cinematic", "cfg", "7")),
                archivedTask("bars", "A grey fox in the snow", Map.of("style", "noir", "cfg", "7"))));

        assertEquals(List.of("grey"), changedWords(vm.tasks().get(1).prompt()));
        assertEquals(List.of(), changedWords(vm.tasks().get(0).prompt()));
        clickOn("#compare-only-differences");
        GridPane grid = lookup("#compare-parameters").query();
        List<String> names = grid.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0)
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("style"), names);
    }

    private static List<String> changedWords(PromptDiff diff) {
        return diff.parts().stream().filter(PromptDiff.Part::changed).map(p -> p.text().strip()).toList();
    }

    private double position(int i) {
        return vm.tasks().get(i).player().positionSecondsProperty().get();
    }

    private void show(List<StoredTask> tasks) {
        interact(() -> {
            vm = new CompareViewModel(tasks, () -> new PlayerViewModel(bed.tasks, engines,
                    new SystemOpener(Runnable::run, "Linux", cmd -> { }), bed.clock,
                    () -> PlaybackHost.unknown("Linux")), ZoneOffset.UTC);
            Scene scene = new Scene(new CompareView(vm), 1100, 760);
            ThemeStylesheets.apply(scene, false);
            stage.setScene(scene);
            stage.setOnHidden(e -> vm.close());
            // TestFX hands every test class the same primary stage: a shown stage keeps the size an earlier
            // class gave it, which can leave the robot's clicks outside it.
            stage.sizeToScene();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private StoredTask archivedTask(String clip, String prompt, Map<String, String> params) throws Exception {
        String providerId = "task-" + (++counter);
        Task.Builder builder = Task.builder(providerId, TaskStatus.SUCCEEDED).prompt(prompt).model("veo-3")
                .createdAt(Instant.parse("2025-03-01T09:00:00Z"))
                .addOutput(TaskOutput.video(0, "https://cdn.example/" + providerId + ".mp4"));
        params.forEach(builder::parameter);
        Task task = builder.build();
        StoredTask stored = bed.cache(account, task);
        Path file = bed.library.fileFor(stored, task.outputs().get(0));
        Files.createDirectories(file.getParent());
        try (InputStream in = Objects.requireNonNull(
                getClass().getResourceAsStream("/dev/reelwatch/sim/clips/" + clip + ".mp4"))) {
            Files.copy(in, file);
        }
        bed.tasks.updateArchive(stored.outputs().get(0).id(), ArchiveState.ARCHIVED, file.toString(), Files.size(file),
                null, 100, null);
        return bed.tasks.byId(stored.id()).orElseThrow();
    }

    private static <T> T callFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get();
    }
}
