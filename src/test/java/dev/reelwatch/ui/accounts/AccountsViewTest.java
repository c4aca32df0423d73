package dev.reelwatch.ui.accounts;

import dev.reelwatch.app.ProviderConnectionTester;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.SimScenario;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsViewTest extends FxThreadApplicationTest {
    private Path dir;
    private Database db;
    private HedraSimulator hedra;
    private PollingSyncService sync;
    private ExecutorService background;
    private SqliteAccountStore accounts;
    private CredentialStore keys;

    @Override
    public void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("accounts-view");
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-03T14:00:00Z"));
        db = Database.open(dir.resolve("cache.db"));
        accounts = new SqliteAccountStore(db);
        keys = new CredentialStore(dir.resolve("credentials.properties"));
        hedra = new HedraSimulator(clock, "hedra-right-key",
                new SimScenario(3, clock.instant()).generate(List.of("Character-3"), 5, 0, Duration.ZERO)).start();
        ProviderClients clients = new ProviderClients(HttpTransport.standard("test", clock));
        CredentialResolver resolver = new CredentialResolver(keys, Map.of());
        sync = new PollingSyncService(accounts, new SqliteTaskStore(db, clock), new SqliteSettingsStore(db),
                a -> clients.create(a, resolver.apiKeyFor(a).orElse(null)), clock, SyncSettings.defaults());
        background = Executors.newSingleThreadExecutor();
        AccountsViewModel model = new AccountsViewModel(accounts, keys, Map.of(),
                new ProviderConnectionTester(clients::create), sync, background, UiThread.fx());
        model.reload(null);
        Scene scene = new Scene(new AccountsView(model), 860, 560);
        scene.getStylesheets().add(getClass().getResource("/dev/reelwatch/ui/test-theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        background.shutdownNow();
        background.awaitTermination(2, TimeUnit.SECONDS);
        sync.close();
        hedra.close();
        db.close();
    }

    @Test
    void testingABadKeyShowsAClearAuthenticationError() throws Exception {
        interact(() -> lookup("#account-kind").<ComboBox<ProviderKind>>query().getSelectionModel().select(ProviderKind.HEDRA));
        assertEquals("https://api.hedra.com", lookup("#account-url").queryAs(TextField.class).getText(),
                "the URL follows the provider's default");
        clickOn("#account-name").write("studio");
        interact(() -> lookup("#account-url").queryAs(TextField.class).setText(hedra.baseUrl().toString()));
        clickOn("#account-key").write("not-the-key");

        clickOn("#account-test");

        waitUntil(() -> lookup("#account-test-result").queryAs(Label.class).getText().startsWith("Authentication failed"));
        assertTrue(lookup("#account-test-result").queryAs(Label.class).getStyleClass().contains("test-failed"));
    }

    @Test
    void savingAddsTheAccountToTheListAndKeepsTheKeyOutOfTheDatabase() throws Exception {
        interact(() -> lookup("#account-kind").<ComboBox<ProviderKind>>query().getSelectionModel().select(ProviderKind.HEDRA));
        clickOn("#account-name").write("studio");
        interact(() -> lookup("#account-url").queryAs(TextField.class).setText(hedra.baseUrl().toString()));
        clickOn("#account-key").write("hedra-right-key");
        clickOn("#account-test");
        waitUntil(() -> "Connected — 5 tasks visible".equals(lookup("#account-test-result").queryAs(Label.class).getText()));

        clickOn("#account-save");

        waitUntil(() -> lookup("#accounts-list").queryAs(ListView.class).getItems().size() == 1);
        assertEquals("hedra-right-key", keys.get("studio").orElseThrow());
        assertEquals(hedra.baseUrl(), accounts.byName("studio").orElseThrow().baseUrl());
    }

    @Test
    void saveWithoutANameShowsTheProblemInline() {
        clickOn("#account-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup((Label l) -> "Give the account a name.".equals(l.getText()) && l.isVisible())
                .tryQuery().isPresent());
        assertTrue(accounts.all().isEmpty());
    }
}
