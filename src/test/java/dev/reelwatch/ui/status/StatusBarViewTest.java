package dev.reelwatch.ui.status;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sync.SyncStatus;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status bar's account chips follow every sync status without being built again. */
class StatusBarViewTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private TestCache cache;
    private Account studio;
    private RecordingSyncService sync;

    @Override
    public void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("status-bar-view");
        AdjustableClock clock = new AdjustableClock(NOW);
        cache = new TestCache(dir, clock);
        sync = new RecordingSyncService();
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        cache.put(TestCache.task(studio, "a", TaskStatus.RUNNING, "one", "veo-3", NOW));
        TaskListViewModel tasks = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks,
                UiThread.direct()), sync, new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(),
                UiThread.direct(), new RelativeTime(clock));
        LiveAccounts accounts = new LiveAccounts(cache.accounts, sync, UiThread.direct(), UiThread.direct());
        StatusBarView view = new StatusBarView(new StatusBarViewModel(accounts, tasks));
        accounts.reload();
        tasks.reload();
        Scene scene = new Scene(view, 900, 40);
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
    void eachSyncStatusUpdatesTheAccountsChipInPlace() {
        Node chip = lookup(".account-state").query();
        Tooltip tip = onFxThread(() -> tooltipOf(chip));

        interact(() -> sync.publish(status(new AccountHealth(studio.id(), NOW.minusSeconds(60), NOW, null, null,
                NOW.plusSeconds(60), true, Map.of(TaskStatus.RUNNING, 1)))));
        String syncing = onFxThread(tip::getText);
        interact(() -> sync.publish(status(new AccountHealth(studio.id(), NOW.minusSeconds(180), NOW,
                ProviderErrorKind.AUTHENTICATION, "401 Unauthorized", NOW.plusSeconds(60), false, Map.of()))));

        assertSame(chip, lookup(".account-state").query(), "the same chip, not a new one per status");
        assertSame(tip, onFxThread(() -> tooltipOf(chip)), "and the same tooltip, its text replaced");
        assertTrue(onFxThread(tip::getText).contains("401 Unauthorized"), onFxThread(tip::getText));
        assertTrue(!syncing.equals(onFxThread(tip::getText)));
        Node dot = chip.lookup(".health-dot");
        assertEquals(1, onFxThread(() -> dot.getStyleClass().stream()
                .filter(c -> c.startsWith("health-") && !c.equals("health-dot")).count()),
                "one health level at a time: " + dot.getStyleClass());
    }

    @Test
    void theSpinnerIsMadeWhenWorkFirstStartsAndSitsBesideTheActivityText() {
        assertTrue(lookup(".progress-indicator").tryQuery().isEmpty(), "nothing is busy: no spinner yet");

        interact(() -> sync.publish(status(new AccountHealth(studio.id(), NOW.minusSeconds(60), NOW, null, null,
                NOW.plusSeconds(60), true, Map.of(TaskStatus.RUNNING, 1)))));
        Node spinner = lookup(".status-bar .progress-indicator").query();
        assertTrue(spinner.isVisible());
        javafx.scene.Parent bar = lookup("#statusBar").query();
        int at = onFxThread(() -> bar.getChildrenUnmodifiable().indexOf(spinner));
        assertEquals(at + 1, onFxThread(() -> bar.getChildrenUnmodifiable().indexOf(lookup("#activityText").query())));

        interact(() -> sync.publish(status(new AccountHealth(studio.id(), NOW.minusSeconds(60), NOW, null, null,
                NOW.plusSeconds(60), false, Map.of(TaskStatus.RUNNING, 1)))));
        assertTrue(!spinner.isVisible() && !spinner.isManaged(), "idle again: hidden, and takes no room");
        assertSame(spinner, lookup(".status-bar .progress-indicator").query(), "kept for the next work");
    }

    private static Tooltip tooltipOf(Node node) {
        return (Tooltip) node.getProperties().get("javafx.scene.control.Tooltip");
    }

    private static SyncStatus status(AccountHealth health) {
        return new SyncStatus(false, Map.of(health.accountId(), health), 0);
    }
}
