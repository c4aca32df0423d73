package dev.reelwatch.ui.sidebar;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The account lines follow the counts in place while a sync runs, and are built again when an account changes. */
class SidebarViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private Path dir;
    private TestCache cache;
    private Account studio;
    private LiveAccounts accounts;

    @Override
    public void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("sidebar-view");
        AdjustableClock clock = new AdjustableClock(NOW);
        cache = new TestCache(dir, clock);
        RecordingSyncService sync = new RecordingSyncService();
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        cache.put(TestCache.task(studio, "a", TaskStatus.RUNNING, "one", "veo-3", NOW));
        TaskListViewModel tasks = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks,
                UiThread.direct()), sync, new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(),
                UiThread.direct(), new RelativeTime(clock));
        accounts = new LiveAccounts(cache.accounts, sync, UiThread.direct(), UiThread.direct());
        SidebarView view = new SidebarView(new SidebarViewModel(tasks, accounts), () -> { }, id -> { },
                new RecordingDialogs());
        accounts.reload();
        tasks.reload();
        Scene scene = new Scene(view, 300, 600);
        ThemeStylesheets.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        cache.close();
    }

    @Test
    void aNewTaskUpdatesTheAccountsCountWithoutBuildingItsLineAgain() {
        String id = "#sidebar-account-" + studio.id();
        Node before = lookup(id).query();
        assertEquals("1", count(before));

        interact(() -> cache.put(TestCache.task(studio, "b", TaskStatus.QUEUED, "two", "veo-3", NOW)));
        waitUntil("the count follows", () -> "2".equals(onFxThread(() -> count(lookup(id).query()))));
        assertSame(before, lookup(id).query(), "the same line, its count updated in place");

        interact(() -> {
            cache.accounts.update(new Account(studio.id(), studio.provider(), "Studio B", studio.baseUrl(),
                    studio.credential(), studio.enabled(), studio.demo()));
            accounts.reload();
        });
        waitUntil("the renamed line", () -> onFxThread(() -> lookup(id).queryAll().stream()
                .anyMatch(n -> n != before)));
        assertNotSame(before, lookup(id).query(), "a renamed account gets its line built again");
    }

    private static String count(Node line) {
        return line.lookupAll(".count").stream().map(n -> ((Label) n).getText()).findFirst().orElse("");
    }
}
