package dev.reelwatch.ui.sidebar;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sync.SyncStatus;
import dev.reelwatch.ui.common.AccountEntry;
import dev.reelwatch.ui.common.HealthLevel;
import dev.reelwatch.ui.common.LiveAccounts;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.status.StatusBarViewModel;
import dev.reelwatch.ui.tasks.SourceFilter;
import dev.reelwatch.ui.tasks.StatusGroup;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sidebar and the status bar share the live account list, so they are specified together. */
class SidebarViewModelTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dir;
    private TestCache cache;
    private RecordingSyncService sync;
    private TaskListViewModel tasks;
    private SidebarViewModel sidebar;
    private StatusBarViewModel statusBar;
    private Account studio;
    private Account demo;

    @BeforeEach
    void setUp() {
        AdjustableClock clock = new AdjustableClock(NOW);
        cache = new TestCache(dir, clock);
        sync = new RecordingSyncService();
        studio = cache.addAccount("Studio", ProviderKind.MESHAPI, false);
        demo = cache.addAccount("Demo", ProviderKind.HEDRA, true);
        cache.put(TestCache.task(studio, "a", TaskStatus.RUNNING, "one", "veo-3", NOW));
        cache.put(TestCache.task(studio, "b", TaskStatus.CANCELLED, "two", "veo-3", NOW));
        cache.put(TestCache.task(demo, "c", TaskStatus.EXPIRED, "three", "character-3", NOW));
        tasks = new TaskListViewModel(cache.tasks, new StoreChangeRelay(cache.tasks, UiThread.direct()), sync,
                new SettingsWriter(cache.settings, UiThread.direct()), UiThread.direct(), UiThread.direct(),
                new RelativeTime(clock));
        LiveAccounts accounts = new LiveAccounts(cache.accounts, sync, UiThread.direct(), UiThread.direct());
        sidebar = new SidebarViewModel(tasks, accounts);
        statusBar = new StatusBarViewModel(accounts, tasks);
        accounts.reload();
        tasks.reload();
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    @Test
    void selectingAGroupOrAnAccountNarrowsTheTaskList() {
        sidebar.selectionProperty().set(SidebarSelection.group(StatusGroup.ENDED));
        assertEquals(Set.of(TaskStatus.CANCELLED, TaskStatus.EXPIRED), tasks.statuses());
        assertEquals(2, tasks.visibleCountProperty().get());
        assertEquals(2, sidebar.countProperty(StatusGroup.ENDED).get());

        sidebar.selectionProperty().set(SidebarSelection.account(demo.id()));
        assertTrue(tasks.statuses().isEmpty());
        assertEquals(demo.id(), tasks.sourceProperty().get().accountId());
        assertEquals(1, tasks.visibleCountProperty().get());
        assertEquals("1 of 3 tasks", statusBar.countTextProperty().get());

        sidebar.selectionProperty().set(SidebarSelection.ALL);
        assertEquals(3, tasks.visibleCountProperty().get());
    }

    @Test
    void filteringElsewhereMovesTheSelectionToTheMatchingLineOrNone() {
        tasks.showStatuses(Set.of(TaskStatus.RUNNING));
        assertEquals(SidebarSelection.group(StatusGroup.RUNNING), sidebar.selectionProperty().get());
        tasks.showStatuses(Set.of(TaskStatus.RUNNING, TaskStatus.FAILED));
        assertNull(sidebar.selectionProperty().get());
        tasks.clearFilters();
        tasks.sourceProperty().set(SourceFilter.account(studio.id(), studio.name()));
        assertEquals(SidebarSelection.account(studio.id()), sidebar.selectionProperty().get());
    }

    @Test
    void itemsTheLastListingCouldNotReadShowInTheTooltipAndTheStatusBar() {
        sync.publish(new SyncStatus(false, Map.of(
                studio.id(), new AccountHealth(studio.id(), NOW.minusSeconds(60), NOW, null, null, NOW.plusSeconds(60),
                        false, Map.of(), 2)), 0));

        AccountItem studioItem = sidebar.accountItems().stream().filter(a -> a.id() == studio.id()).findFirst()
                .orElseThrow();
        assertTrue(studioItem.tooltip().contains("2 tasks in the last listing could not be read"), studioItem.tooltip());
        assertEquals("2 tasks could not be read", statusBar.activityTextProperty().get());
    }

    @Test
    void accountsShowTheirHealthFromThePollerWithTaskCountsAndTooltips() {
        assertEquals(2, sidebar.accountItems().size());
        AccountItem demoItem = sidebar.accountItems().stream().filter(AccountItem::demo).findFirst().orElseThrow();
        assertEquals(1, demoItem.taskCount());

        sync.publish(new SyncStatus(true, Map.of(
                studio.id(), new AccountHealth(studio.id(), NOW.minusSeconds(180), NOW, ProviderErrorKind.AUTHENTICATION,
                        "401 Unauthorized", NOW.plusSeconds(60), false, Map.of()),
                demo.id(), new AccountHealth(demo.id(), NOW.minusSeconds(20), NOW, null, null, NOW.plusSeconds(5),
                        true, Map.of())), 2));

        AccountItem studioItem = sidebar.accountItems().stream().filter(a -> a.id() == studio.id()).findFirst()
                .orElseThrow();
        assertEquals(HealthLevel.ERROR, studioItem.level());
        assertTrue(studioItem.tooltip().contains("Last sync: 3 min ago"), studioItem.tooltip());
        assertTrue(studioItem.tooltip().contains("Authentication failed — 401 Unauthorized"), studioItem.tooltip());
        assertTrue(studioItem.tooltip().contains("Next poll: in 1:00"), studioItem.tooltip());
        assertEquals(HealthLevel.BUSY,
                sidebar.accountItems().stream().filter(AccountItem::demo).findFirst().orElseThrow().level());

        assertTrue(statusBar.offlineProperty().get());
        assertTrue(statusBar.busyProperty().get());
        assertEquals("2 requests in flight", statusBar.activityTextProperty().get());
        assertEquals("Synced 20 s ago", statusBar.lastSyncTextProperty().get());
    }

    @Test
    void removingAnAccountForgetsItsTasksAndTellsThePoller() {
        sidebar.selectionProperty().set(SidebarSelection.account(demo.id()));
        sidebar.removeAccount(demo.id(), e -> {
            throw new AssertionError(e);
        });
        assertEquals(SidebarSelection.ALL, sidebar.selectionProperty().get());
        assertEquals(1, sidebar.accountItems().size());
        assertTrue(sync.calls.contains("accountsChanged"));
        assertEquals(2, tasks.totalCountProperty().get());
    }

    @Test
    void anAccountOnPlainHttpToAnotherMachineSaysSoInItsTooltip() {
        Account lan = new Account(90, ProviderKind.MONEYPRINTERTURBO, "LAN box", URI.create("http://192.168.1.20:8080"),
                CredentialRef.none(), true, false);
        Account local = new Account(91, ProviderKind.MONEYPRINTERTURBO, "Local", URI.create("http://localhost:8080"),
                CredentialRef.none(), true, false);
        AccountHealth refused = new AccountHealth(lan.id(), null, NOW, ProviderErrorKind.INSECURE,
                "plain HTTP is not allowed", NOW.plusSeconds(60), false, Map.of());

        assertTrue(sidebar.tooltip(new AccountEntry(lan, null)).contains(
                "Plain HTTP allowed — the key and videos travel unencrypted"));
        assertFalse(sidebar.tooltip(new AccountEntry(local, null)).contains("Plain HTTP"),
                "loopback is not the network");
        String whenRefused = sidebar.tooltip(new AccountEntry(lan, refused));
        assertFalse(whenRefused.contains("Plain HTTP allowed"), whenRefused);
        assertTrue(whenRefused.contains("Insecure connection refused"), whenRefused);
    }
}
