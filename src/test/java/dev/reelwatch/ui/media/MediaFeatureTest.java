package dev.reelwatch.ui.media;

import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.media.ArchiveService;
import dev.reelwatch.media.MediaTestbed;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.media.ThumbnailStore;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.media.player.MediaLibraries;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class MediaFeatureTest {
    @TempDir
    Path dir;
    MediaTestbed bed;
    MeshApiSimulator mesh;
    Account studio;
    ArchiveService archive;
    MediaFeature feature;
    ExecutorService background = Executors.newFixedThreadPool(2);
    List<List<String>> launched = new CopyOnWriteArrayList<>();
    RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        // Media players only make progress reliably while a stage is on screen (see the brief on headless media).
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 120));
        stage.show();
        bed = new MediaTestbed(dir);
        mesh = bed.serve(new MeshApiSimulator(bed.clock, MediaTestbed.KEY, List.of(
                MediaTestbed.finished("one", "testcard"), MediaTestbed.finished("two", "bars"))));
        studio = bed.addAccount(ProviderKind.MESHAPI, "studio", mesh.baseUrl(), MediaTestbed.KEY);
        bed.settings.put("archive.enabled", "false");
        archive = bed.closeLater(new ArchiveService(bed.archiver));
        archive.start();
        feature = new MediaFeature(bed.tasks, bed.settings, archive, new ThumbnailStore(bed.library, bed.downloader),
                new SystemOpener(background, "Linux", launched::add), background, UiThread.fx(), bed.clock, "Linux",
                new MediaFeature.Shell(TestExecutors.fx(background), new FxWindows(() -> null, scene -> ThemeStylesheets.apply(scene, false)),
                        dialogs, new DragOutFiles(dir.resolve("drag-out"))));
    }

    @AfterEach
    void tearDown() throws Exception {
        background.shutdownNow();
        bed.close();
    }

    @Test
    void draggingRowsNotYetArchivedIsRefusedWithAReasonAndFetchesThemEvenPastAStatedExpiry() throws Exception {
        StoredTask one = bed.cacheFromProvider(studio, "one");
        StoredTask two = bed.cacheFromProvider(studio, "two");
        StoredTask expired = expiredTask();
        archive.archiveTask(one.id()).get(10, TimeUnit.SECONDS);

        DragExportPlan first = feature.plan(List.of(one.id(), two.id(), expired.id()));

        assertFalse(first.canDrag());
        assertEquals(List.of(two.id(), expired.id()), first.toFetch(),
                "a provider-stated expiry in the past still gets one download attempt");
        assertEquals("2 of 3 videos are not archived yet \u2014 downloading; try again in a moment.",
                first.message().orElseThrow());

        archive.archiveTask(two.id()).get(10, TimeUnit.SECONDS);
        mesh.resetCounts();
        archive.archiveTask(expired.id()).handle((done, failure) -> done).get(10, TimeUnit.SECONDS);
        assertEquals(1, mesh.requestCount("file"), "the stale link was requested once");
        assertEquals(dev.reelwatch.core.ArchiveState.LINK_EXPIRED, bed.output(expired.id()).archiveState(),
                "the server's refusal is what marks it expired");
        DragExportPlan second = feature.plan(List.of(one.id(), two.id(), expired.id()));

        assertTrue(second.canDrag());
        assertEquals(List.of(dir.resolve("drag-out/" + one.id() + "/2025-03-01_meshapi_one.mp4").toFile(),
                dir.resolve("drag-out/" + two.id() + "/2025-03-01_meshapi_two.mp4").toFile()), second.files(),
                "named as Export names them, never the archive's internal name");
        assertArrayEquals(Files.readAllBytes(Path.of(bed.output(one.id()).localPath())),
                Files.readAllBytes(second.files().get(0).toPath()));
        assertEquals(List.of(expired.id()), second.unavailable());
        assertTrue(second.message().orElseThrow().startsWith("1 video(s) left out"));
    }

    @Test
    void dragOutUsesTheExportTemplateAndTwoTasksNeverCollide() throws Exception {
        StoredTask one = bed.cacheFromProvider(studio, "one");
        StoredTask two = bed.cacheFromProvider(studio, "two");
        archive.archiveTask(one.id()).get(10, TimeUnit.SECONDS);
        archive.archiveTask(two.id()).get(10, TimeUnit.SECONDS);
        // A template that gives both tasks the same name: the drag adds the task's id rather than collide.
        bed.settings.put(dev.reelwatch.media.ExportNaming.SETTING, "{provider}-{created:yyyy}.mp4");

        List<File> firstDrop = feature.plan(List.of(one.id())).files();
        List<File> secondDrop = feature.plan(List.of(two.id())).files();

        assertEquals("meshapi-2025_" + one.id() + ".mp4", firstDrop.get(0).getName());
        assertEquals("meshapi-2025_" + two.id() + ".mp4", secondDrop.get(0).getName());
        assertFalse(firstDrop.get(0).getName().equals(secondDrop.get(0).getName()), "two drops never collide");
        assertArrayEquals(MediaTestbed.clip("bars"), Files.readAllBytes(secondDrop.get(0).toPath()));

        bed.settings.put(dev.reelwatch.media.ExportNaming.SETTING, "{prompt-slug}-{id}.mp4");
        List<File> renamed = feature.plan(List.of(one.id())).files();
        assertTrue(renamed.get(0).getName().endsWith("-one.mp4"), renamed.get(0).getName());
        try (var staged = Files.list(renamed.get(0).toPath().getParent())) {
            assertEquals(1, staged.count(), "the old name is gone from the task's drag folder");
        }
    }

    @Test
    void anInvalidDatePatternInTheNameTemplateIsToldForDragExportAndExportInsteadOfThrown(FxRobot robot)
            throws Exception {
        StoredTask one = bed.cacheFromProvider(studio, "one");
        archive.archiveTask(one.id()).get(10, TimeUnit.SECONDS);
        bed.settings.put(dev.reelwatch.media.ExportNaming.SETTING, "{created:bb}_{id}.mp4");
        Path out = Files.createDirectories(dir.resolve("out"));

        DragExportPlan drag = feature.plan(List.of(one.id()));

        assertFalse(drag.canDrag());
        assertTrue(drag.toFetch().isEmpty());
        assertTrue(drag.message().orElseThrow().contains("{created:bb}"), drag.message().orElseThrow());
        assertTrue(dialogs.asked.get(0).startsWith("error: Export videos \u2014 The date pattern in {created:bb}"),
                dialogs.asked.toString());

        java.util.concurrent.atomic.AtomicReference<Optional<ExportViewModel>> started =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> started.set(feature.exportTo(List.of(one.id()), out)));
        assertTrue(started.get().isEmpty(), "no export starts with a template that cannot name a file");
        assertEquals(2, dialogs.asked.size(), dialogs.asked.toString());

        dialogs.pathAnswer = Optional.of(out);
        robot.interact(() -> feature.exportTasks(List.of(one.id()), null));
        org.testfx.util.WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dialogs.asked.size() == 3);
        assertTrue(dialogs.asked.get(2).contains("{created:bb}"), dialogs.asked.toString());
        try (var files = Files.list(out)) {
            assertEquals(0, files.count(), "nothing was exported");
        }
    }

    @Test
    void exportCopiesTheSelectedVideosWithProgressAndWithoutOverwriting(FxRobot robot) throws Exception {
        StoredTask one = bed.cacheFromProvider(studio, "one");
        StoredTask two = bed.cacheFromProvider(studio, "two");
        Path out = Files.createDirectories(dir.resolve("out"));

        ExportViewModel[] vm = new ExportViewModel[1];
        robot.interact(() -> vm[0] = feature.exportTo(List.of(one.id(), two.id()), out).orElseThrow());
        MediaTestbed.await("export finished", Duration.ofSeconds(15),
                () -> !vm[0].runningProperty().get() && vm[0].progressProperty().get() == 1.0);

        try (var files = Files.list(out)) {
            assertEquals(2, files.count());
        }
        assertEquals("Exported 2 video(s).", vm[0].statusProperty().get());
        assertArrayEquals(MediaTestbed.clip("bars"), Files.readAllBytes(
                out.resolve("2025-03-01_meshapi_two.mp4")));
        assertEquals(ArchiveState.ARCHIVED, bed.output(two.id()).archiveState(), "fetched into the library first");
    }

    @Test
    void thumbnailsComeFromTheProviderImageAndAreCached() throws Exception {
        StoredTask one = bed.cacheFromProvider(studio, "one");

        Optional<Path> thumb = feature.thumbnailFile(one.id()).get(10, TimeUnit.SECONDS);

        assertEquals(Optional.of(dir.resolve("thumbnails").resolve(one.id() + ".jpg")), thumb);
        assertTrue(ImageIO.read(thumb.get().toFile()).getWidth() > 0);
        mesh.resetCounts();
        assertEquals(thumb, feature.thumbnailFile(one.id()).get(10, TimeUnit.SECONDS));
        assertEquals(0, mesh.requestCount("file"), "the second time comes from the disk cache");
    }

    @Test
    void withoutAProviderImageTheThumbnailIsAFrameOfTheArchivedVideo() throws Exception {
        MediaLibraries.require();
        Task fetched = bed.clientFactory().clientFor(studio).fetchTask("two");
        StoredTask two = bed.cache(studio, fetched.toBuilder().thumbnailUrl(null).build());
        archive.archiveTask(two.id()).get(10, TimeUnit.SECONDS);

        Optional<Path> thumb = feature.thumbnailFile(two.id()).get(20, TimeUnit.SECONDS);

        assertEquals(Optional.of(dir.resolve("thumbnails").resolve(two.id() + ".png")), thumb);
        assertTrue(ImageIO.read(thumb.get().toFile()).getWidth() >= 300);
    }

    @Test
    void openContainingFolderShowsTheArchivedFilesFolder() throws Exception {
        StoredTask one = bed.cacheFromProvider(studio, "one");
        archive.archiveTask(one.id()).get(10, TimeUnit.SECONDS);

        feature.openContainingFolder(one.id());

        MediaTestbed.await("the file manager opened", Duration.ofSeconds(5), () -> !launched.isEmpty());
        assertEquals(List.of("xdg-open", Path.of(bed.output(one.id()).localPath()).getParent().toString()),
                launched.get(0));
    }

    private StoredTask expiredTask() {
        Task gone = Task.builder("gone", dev.reelwatch.core.TaskStatus.SUCCEEDED)
                .addOutput(new TaskOutput(0, mesh.baseUrl() + "/files/gone.mp4", OutputKind.VIDEO,
                        MediaTestbed.T0.minusSeconds(60), null, null, "video/mp4", false)).build();
        return bed.cache(studio, gone);
    }
}
