package dev.reelwatch.ui.main;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.Fault;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import dev.reelwatch.ui.fixtures.TestCache;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MeshAPI account whose key the simulator refuses (401), polled by the real poller over loopback: selected in
 * the sidebar it shows what failed and offers Edit account and Retry now, never an empty list.
 */
class FailingAccountPanelTest extends FxThreadApplicationTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final String KEY = "sk-test-key";

    @TempDir
    Path dir;
    private final AdjustableClock clock = new AdjustableClock(NOW);
    private TestCache cache;
    private MeshApiSimulator sim;
    private PollingSyncService sync;
    private ExecutorService background;
    private MainViewModel vm;
    private Account studio;
    private final List<Long> edited = new CopyOnWriteArrayList<>();

    @Override
    public void start(Stage stage) {
        cache = new TestCache(dir, clock);
        sim = new MeshApiSimulator(clock, KEY, List.of());
        sim.start();
        sim.faults().on(Fault.UNAUTHORIZED);
        studio = cache.accounts.add(new Account(0, ProviderKind.MESHAPI, "Studio", sim.baseUrl(),
                CredentialRef.none(), true, false));
        HttpTransport transport = new HttpTransport(HttpTransport.newHttpClient(Duration.ofSeconds(2)),
                "Reelwatch/test", Duration.ofSeconds(10), HttpTransport.DEFAULT_MAX_BODY_BYTES, clock);
        ProviderClients clients = new ProviderClients(transport);
        sync = new PollingSyncService(cache.accounts, cache.tasks, cache.settings, a -> clients.create(a, KEY), clock,
                SyncSettings.defaults().withTick(Duration.ofMillis(20)));
        background = Executors.newFixedThreadPool(2);
        vm = MainWindowFactory.model(cache.tasks, cache.accounts, cache.settings, sync,
                new StoreChangeRelay(cache.tasks, UiThread.fx()), () -> Optional.of(false),
                dev.reelwatch.ui.fixtures.TestExecutors.fx(background), background, UiThread.fx(), clock,
                new dev.reelwatch.ui.common.ProblemArea());
        MainView view = MainWindowFactory.view(vm, new Label("detail"), new Label("welcome"), dev.reelwatch.ui.media.MediaHooks.NONE, () -> { },
                edited::add, ServerTaskDeleter.UNSUPPORTED, new dev.reelwatch.ui.fixtures.RecordingDialogs());
        stage.setScene(view.createScene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        vm.start();
        sync.start();
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        org.testfx.api.FxToolkit.cleanupStages();
        sync.close();
        sim.close();
        background.shutdownNow();
        cache.close();
    }

    private Node dot(String within) {
        return lookup(within + " .health-dot").query();
    }

    @Test
    void aRefusedKeyShowsItsProblemWithEditAndRetry() {
        String row = "#sidebar-account-" + studio.id();
        waitUntil("the account's dot turns red", () -> lookup(row).tryQuery().isPresent()
                && dot(row).getStyleClass().contains("health-error"));
        assertTrue(lookup(".status-bar .account-state .health-dot").query().getStyleClass().contains("health-error"),
                "the status bar shows the same colour for the same error");

        clickOn(row);
        waitUntil("the problem panel", () -> lookup("#accountProblem").query().isVisible());
        String title = lookup("#accountProblemTitle").queryAs(Label.class).getText();
        assertTrue(title.startsWith("Authentication failed — Studio (MeshAPI)"), title);
        String words = lookup("#accountProblemWords").queryAs(TextArea.class).getText();
        assertTrue(words.contains("Invalid API key"), "the provider's own words: " + words);
        assertEquals("This account has not synced successfully yet. Last tried just now.",
                lookup("#accountProblemSince").queryAs(Label.class).getText());
        assertTrue(lookup("#accountProblemHint").queryAs(Label.class).getText().contains("Edit account"));
        assertTrue(lookup("#accountProblem").query().lookup(".health-dot").getStyleClass().contains("health-error"));
        assertTrue(lookup(".label").match(n -> ((Label) n).getText() != null
                        && ((Label) n).getText().startsWith("Nothing matches")).queryAll().stream()
                .noneMatch(FailingAccountPanelTest::isShowing), "no empty 'Nothing matches' instead of the problem");
        assertFalse(isShowing(lookup("#taskTable").query()),
                "with no tasks cached the panel takes the list's place");

        clickOn("#accountProblemEdit");
        waitUntil("the accounts dialog asked for", () -> edited.equals(List.of(studio.id())));

        sim.faults().clear();
        clock.advance(Duration.ofSeconds(5));
        clickOn("#accountProblemRetry");
        waitUntil("the account recovers and the panel goes", () -> !lookup("#accountProblem").query().isVisible());
        waitUntil("the dot turns green", () -> dot(row).getStyleClass().contains("health-ok"));
        assertFalse(isShowing(lookup("#accountProblemRetry").query()));
        assertTrue(isShowing(lookup(".task-table").query()), "the (empty) list is back");
    }

    /** Whether the node and all its parents are visible (shown to the user). */
    private static boolean isShowing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
