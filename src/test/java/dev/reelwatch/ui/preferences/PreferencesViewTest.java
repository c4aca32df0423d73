package dev.reelwatch.ui.preferences;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.ArchiveSettings;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncCadence;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.theme.ThemeChoice;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.theme.ThemeViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Preferences window driven like a person would: every change reaches its owner at once. */
class PreferencesViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private ExecutorService background;
    private PollingSyncService sync;
    private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
    private final BooleanProperty notifications = new SimpleBooleanProperty(true);
    private final BooleanProperty onlyFailures = new SimpleBooleanProperty(false);
    private ThemeViewModel themes;
    private ObjectProperty<ThemeChoice> theme;
    private final List<List<String>> launched = new CopyOnWriteArrayList<>();
    private final List<String> archivePokes = new CopyOnWriteArrayList<>();
    private PreferencesViewModel vm;
    private PreferencesView view;
    private PreferencesWindow window;
    private Stage owner;
    private StoredTask boat;
    private Path chosenFolder;

    @Override
    public void start(Stage stage) throws Exception {
        owner = stage;
        Files.createDirectories(dir.resolve("data"));
        cache = new TestCache(dir.resolve("data"), new AdjustableClock(NOW));
        Account studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        boat = cache.put(TestCache.task(studio, "task-boat", TaskStatus.SUCCEEDED, "A paper boat drifting at dawn",
                "veo-3", NOW.minusSeconds(60)));
        background = Executors.newFixedThreadPool(2);
        sync = new PollingSyncService(cache.accounts, cache.tasks, cache.settings, a -> {
            throw new IllegalStateException("no provider in this test");
        }, cache.clock, SyncSettings.defaults());
        SystemOpener opener = new SystemOpener(background, "Linux", launched::add);
        chosenFolder = dir.resolve("elsewhere");
        Files.createDirectories(chosenFolder);
        themes = new ThemeViewModel(new SettingsWriter(cache.settings, Runnable::run), () -> Optional.of(false),
                dev.reelwatch.ui.fixtures.TestExecutors.direct());
        theme = themes.choiceProperty();
        vm = new PreferencesViewModel(new SettingsWriter(cache.settings, Runnable::run), sync::applyCadence,
                new VideoArchive(dir.resolve("data"), cache.settings), () -> archivePokes.add("poke"), cache.tasks,
                selected, notifications, onlyFailures, theme, dir.resolve("data"), opener, new FolderPicker(),
                TaskExecutor.fx(background, (what, e) -> { }), ZoneOffset.UTC);
        view = new PreferencesView(vm);
        window = new PreferencesWindow(view, scene -> ThemeStylesheets.follow(scene, themes));
        Scene main = new Scene(new Label("main window"), 1024, 768);
        ThemeStylesheets.follow(main, themes);
        stage.setScene(main);
        stage.show();
        window.show(stage);
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        org.testfx.api.FxToolkit.cleanupStages();
        sync.close();
        background.shutdownNow();
        cache.close();
    }

    private TextField field(String id) {
        return lookup(id).queryAs(TextField.class);
    }

    @Test
    void theTemplatePreviewFollowsTypingOnTheSelectedTask() {
        clickOn("#page-Exportnaming");
        waitUntil("the hint to select a task", () -> lookup("#templatePreviewSource").queryAs(Label.class).getText()
                .startsWith("Select a task"));
        interact(() -> selected.set(boat.id()));
        waitUntil("the default name of the selected task", () -> field("#templatePreview").getText()
                .equals("2025-03-10_meshapi_a-paper-boat-drifting-at-dawn_task-boat.mp4"));

        TextField template = field("#templateField");
        interact(template::clear);
        clickOn(template).write("{provider}-{id}");
        waitUntil("the preview as typed", () -> field("#templatePreview").getText().equals("meshapi-task-boat.mp4"));
        waitUntil("the template stored", () -> cache.settings.get(ExportNaming.SETTING).orElse("")
                .equals("{provider}-{id}"));

        write("-{created:yyyy-bb}");
        waitUntil("the pattern's error", () -> lookup("#templateProblem").queryAs(Label.class).isVisible());
        String problem = lookup("#templateProblem").queryAs(Label.class).getText();
        assertTrue(problem.contains("yyyy-bb") && problem.contains("Unknown pattern letter: b"), problem);
        assertFalse(field("#templatePreview").isVisible(), "no made-up name while the template is broken");
        assertEquals("{provider}-{id}-", cache.settings.get(ExportNaming.SETTING).orElse(""),
                "the last template that worked is kept; the broken one is not stored");

        for (int i = 0; i < "bb}".length(); i++) {
            type(KeyCode.BACK_SPACE);
        }
        write("MM-dd}");
        waitUntil("the preview back", () -> field("#templatePreview").getText()
                .equals("meshapi-task-boat-2025-03-10.mp4"));
        assertFalse(lookup("#templateProblem").queryAs(Label.class).isVisible());
    }

    @Test
    void aNewCadenceReachesTheRunningPollerAndIsStored() {
        clickOn("#page-Sync");
        clickOn("#listIntervalChoice");
        clickOn("30 seconds");
        waitUntil("the poller's list interval", () -> sync.settings().listInterval().equals(Duration.ofSeconds(30)));
        clickOn("#fastIntervalChoice");
        clickOn("10 seconds");
        waitUntil("the poller's fast interval", () -> sync.settings().fastInterval().equals(Duration.ofSeconds(10)));
        SyncCadence stored = SyncCadence.read(cache.settings);
        assertEquals(Duration.ofSeconds(30), stored.listInterval());
        assertEquals(Duration.ofSeconds(10), stored.fastInterval());
    }

    @Test
    void archiveSettingsApplyAtOnce() {
        clickOn("#page-Videoarchive");
        waitUntil("the usage measured", () -> lookup("#archiveUsage").queryAs(Label.class).getText()
                .equals("0 B in this folder"));
        clickOn("#archiveEnabled");
        waitUntil("archiving off", () -> cache.settings.get(ArchiveSettings.ENABLED).orElse("").equals("false"));
        assertFalse(ArchiveSettings.read(cache.settings).enabled());
        assertFalse(archivePokes.isEmpty(), "the archive was told");

        clickOn("#archiveCapEnabled");
        waitUntil("a cap", () -> ArchiveSettings.read(cache.settings).capped());
        assertEquals(20L * PreferencesViewModel.GIB, ArchiveSettings.read(cache.settings).maxBytes());

        clickOn("#archiveChoose");
        waitUntil("the chosen folder", () -> field("#archiveFolder").getText().equals(chosenFolder.toString()));
        assertEquals(Optional.of(chosenFolder), ArchiveSettings.folder(cache.settings));
        assertEquals(chosenFolder, new VideoArchive(dir.resolve("data"), cache.settings).videosDir());
        clickOn("#archiveDefault");
        waitUntil("the default folder", () -> ArchiveSettings.folder(cache.settings).isEmpty());
    }

    @Test
    void notificationsThemeAndDataDirectory() {
        clickOn("#page-Notifications");
        clickOn("#notificationsOnlyFailures");
        waitUntil("only failures", onlyFailures::get);
        clickOn("#notificationsEnabled");
        waitUntil("notifications off", () -> !notifications.get());
        assertTrue(lookup("#notificationsOnlyFailures").query().isDisabled());

        clickOn("#page-Appearance");
        clickOn("#preferences-theme-DARK");
        waitUntil("dark", () -> theme.get() == ThemeChoice.DARK);
        assertTrue(themes.darkProperty().get(), "the window turns dark at once");

        clickOn("#page-Datadirectory");
        assertEquals(dir.resolve("data").toString(), field("#dataDirField").getText());
        clickOn("#dataDirOpen");
        waitUntil("the folder opened", () -> launched.contains(List.of("xdg-open", dir.resolve("data").toString())));
    }

    @Test
    void anotherFeatureCanAddAPage() {
        interact(() -> view.addPage("Rules", new Label("the rules editor")));
        assertEquals("Rules", view.pageTitles().get(view.pageTitles().size() - 1));
        clickOn("#page-Rules");
        waitUntil("the page shown", () -> lookup("the rules editor").tryQuery().isPresent());
    }

    @Test
    void escAndCtrlWCloseTheWindowAndItFitsASmallScreen() {
        Stage prefs = (Stage) lookup("#preferencesView").query().getScene().getWindow();
        assertTrue(prefs.getWidth() <= 1024 && prefs.getHeight() <= 768);
        clickOn("#page-Sync");
        type(KeyCode.ESCAPE);
        waitUntil("closed by Esc", () -> !prefs.isShowing());
        interact(() -> window.show(owner));
        waitUntil("open again", prefs::isShowing);
        clickOn("#page-Appearance");
        press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil("closed by Ctrl+W", () -> !prefs.isShowing());
    }

    /** A dialog service whose folder chooser answers with the test's folder. */
    private final class FolderPicker implements DialogService {
        @Override
        public boolean confirm(String title, String message, String details, String confirmLabel) {
            return false;
        }

        @Override
        public Optional<String> askText(String title, String message, String initial) {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message, String details) {
            throw new AssertionError(title + ": " + message + " " + details);
        }

        @Override
        public void showInfo(String title, String message) {
            throw new AssertionError(message);
        }

        @Override
        public Optional<Path> chooseFolder(String title, Path initial) {
            return Optional.of(chosenFolder);
        }

        @Override
        public Optional<Path> chooseFile(String title, Path initial, List<String> extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, Path initialFolder, String suggestedName,
                                             List<String> extensions) {
            return Optional.empty();
        }
    }
}
