package dev.reelwatch.ui.accounts;

import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.app.ProviderConnectionTester;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.SimScenario;
import dev.reelwatch.store.AccountsBackup;
import dev.reelwatch.store.BackedUpAccountStore;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountsViewTest extends FxThreadApplicationTest {
    private Path dir;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Database db;
    private HedraSimulator hedra;
    private PollingSyncService sync;
    private ExecutorService background;
    private BackedUpAccountStore accounts;
    private PlainHttpConsent consent;
    private CredentialStore keys;

    @Override
    public void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("accounts-view");
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-03T14:00:00Z"));
        db = Database.open(dir.resolve("cache.db"));
        consent = new PlainHttpConsent(new SqliteSettingsStore(db));
        accounts = new BackedUpAccountStore(new SqliteAccountStore(db), consent,
                new AccountsBackup(dir.resolve(AccountsBackup.FILE_NAME)));
        keys = new CredentialStore(dir.resolve("credentials.properties"));
        hedra = new HedraSimulator(clock, "hedra-right-key",
                new SimScenario(3, clock.instant()).generate(List.of("Character-3"), 5, 0, Duration.ZERO)).start();
        ProviderClients clients = new ProviderClients(HttpTransport.standard("test", clock));
        CredentialResolver resolver = new CredentialResolver(keys, Map.of());
        sync = new PollingSyncService(accounts, new SqliteTaskStore(db, clock), new SqliteSettingsStore(db),
                a -> clients.create(a, resolver.apiKeyFor(a).orElse(null)), clock, SyncSettings.defaults());
        background = Executors.newSingleThreadExecutor();
        AccountsViewModel model = new AccountsViewModel(accounts, keys,
                PlainHttpPermissions.of(consent, accounts::writeBackup), Map.of(),
                new ProviderConnectionTester(clients::create), sync, TestExecutors.fx(background), dialogs);
        model.reload(null);
        // Tall enough that the form, with the plain-HTTP warning, fits without scrolling.
        Scene scene = new Scene(new AccountsView(model, dialogs), 860, 760);
        // The app's own theme, as every window gets it: its looked-up colours resolve every lookup.
        ThemeStylesheets.apply(scene, true);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        // Let the FX thread finish what a save started (it may still hand work to the background executor).
        WaitForAsyncUtils.waitForFxEvents();
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

    @Test
    void plainHttpToAnotherMachineIsSavedOnlyWithTheTickedConsentBesideItsWarning() throws Exception {
        interact(() -> lookup("#account-kind").<ComboBox<ProviderKind>>query().getSelectionModel()
                .select(ProviderKind.MONEYPRINTERTURBO));
        assertFalse(lookup("#account-http-consent").query().isVisible(), "no consent asked for localhost");
        clickOn("#account-name").write("lan box");
        interact(() -> lookup("#account-url").queryAs(TextField.class).setText("http://192.168.1.20:8080"));

        assertTrue(lookup("#account-http-consent").query().isVisible());
        Label warning = lookup("#account-http-warning").queryAs(Label.class);
        assertTrue(warning.isVisible() && warning.getStyleClass().contains("plain-http-warning"));
        assertTrue(warning.getText().contains("unencrypted"), warning.getText());
        clickOn("#account-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup((Label l) -> l.getText() != null && l.getText().startsWith("Not saved: this server uses plain HTTP")
                && l.isVisible()).tryQuery().isPresent(), "the refusal shows inline");
        assertTrue(accounts.all().isEmpty());

        clickOn("#account-allow-http");
        assertTrue(lookup("#account-allow-http").queryAs(CheckBox.class).isSelected());
        clickOn("#account-save");

        waitUntil(() -> lookup("#accounts-list").queryAs(ListView.class).getItems().size() == 1);
        assertTrue(consent.isAllowed("lan box"));
        String backup = Files.readString(dir.resolve(AccountsBackup.FILE_NAME));
        assertTrue(backup.contains("\"allowPlainHttp\" : true"), backup);
        waitUntil(() -> lookup((Label l) -> "plain HTTP".equals(l.getText())
                && l.getStyleClass().contains("badge-warn")).tryQuery().isPresent());
    }
}
