package dev.reelwatch.ui.accounts;

import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.app.ProviderConnectionTester;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.SimScenario;
import dev.reelwatch.store.AccountsBackup;
import dev.reelwatch.store.BackedUpAccountStore;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.common.UiThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain HTTP to another machine in the accounts dialog: asked for explicitly beside a warning, refused inline
 * without consent, stored by account name (so it follows a rename and is written into the accounts backup), and
 * honoured by "Test connection".
 */
class PlainHttpConsentEditorTest {
    private static final String LAN = "http://192.168.1.20:8080";
    private static final String REFUSAL = "Not saved: this server uses plain HTTP. Tick “Allow plain HTTP"
            + " (unencrypted) for this server” to use it anyway, or use an https:// address.";

    @TempDir
    Path dir;
    private Database db;
    private MoneyPrinterSimulator lanServer;
    private PlainHttpConsent consent;
    private AccountsBackup backup;
    private BackedUpAccountStore accounts;
    private PollingSyncService sync;
    private AccountsViewModel dialog;
    private AccountEditorViewModel editor;

    @BeforeEach
    void setUp() {
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-03T14:00:00Z"));
        db = Database.open(dir.resolve("cache.db"));
        SqliteSettingsStore settings = new SqliteSettingsStore(db);
        consent = new PlainHttpConsent(settings);
        backup = new AccountsBackup(dir.resolve(AccountsBackup.FILE_NAME));
        accounts = new BackedUpAccountStore(new SqliteAccountStore(db), consent, backup);
        CredentialStore keys = new CredentialStore(dir.resolve("credentials.properties"));
        lanServer = new MoneyPrinterSimulator(clock,
                new SimScenario(5, clock.instant()).generate(List.of("moneyprinter"), 6, 0, Duration.ZERO)).start();
        ProviderClients clients = new ProviderClients(HttpTransport.standard("test", clock));
        sync = new PollingSyncService(accounts, new SqliteTaskStore(db, clock), settings,
                a -> clients.create(a, null), clock, SyncSettings.defaults());
        // The LAN server's address leads to the simulator, as a hosts-file entry would.
        ConnectionTester tester = new ProviderConnectionTester((a, key) -> clients.create(
                a.baseUrl().toString().equals(LAN) ? new Account(a.id(), a.provider(), a.name(), lanServer.baseUrl(),
                        a.credential(), a.enabled(), a.demo()) : a, key));
        dialog = new AccountsViewModel(accounts, keys, PlainHttpPermissions.of(consent, accounts::writeBackup),
                Map.of(), tester, sync, TestExecutors.direct(), new RecordingDialogs());
        editor = dialog.editor();
    }

    @AfterEach
    void tearDown() {
        sync.close();
        lanServer.close();
        db.close();
    }

    private void fillLan(String name) {
        editor.startNew();
        editor.kindProperty().set(ProviderKind.MONEYPRINTERTURBO);
        editor.nameProperty().set(name);
        editor.baseUrlProperty().set(LAN);
    }

    private AccountsBackup.Entry backedUp(String name) {
        return backup.load().stream().filter(e -> e.account().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void consentIsAskedOnlyForPlainHttpToAnotherMachine() {
        editor.kindProperty().set(ProviderKind.MONEYPRINTERTURBO);
        editor.nameProperty().set("home");
        assertFalse(editor.plainHttpAppliesProperty().get(), "http://localhost is this machine");
        assertTrue(editor.validProperty().get());

        editor.baseUrlProperty().set("http://127.0.0.1:8080");
        assertFalse(editor.plainHttpAppliesProperty().get());
        editor.baseUrlProperty().set("https://mpt.example.com");
        assertFalse(editor.plainHttpAppliesProperty().get());
        editor.baseUrlProperty().set(LAN);
        assertTrue(editor.plainHttpAppliesProperty().get());
        assertFalse(editor.validProperty().get(), "not savable without consent");
        assertEquals("", editor.plainHttpErrorProperty().get(), "no error while the address is being typed");

        editor.allowPlainHttpProperty().set(true);
        assertTrue(editor.validProperty().get());
    }

    @Test
    void saveWithoutConsentIsRefusedInlineAndStoresNothing() {
        fillLan("lan box");

        editor.save();

        assertEquals(REFUSAL, editor.plainHttpErrorProperty().get());
        assertTrue(accounts.all().isEmpty());
        assertFalse(consent.isAllowed("lan box"));
    }

    @Test
    void saveWithConsentStoresItAndWritesItIntoTheAccountsBackup() {
        fillLan("lan box");
        editor.allowPlainHttpProperty().set(true);

        editor.save();

        Account saved = accounts.byName("lan box").orElseThrow();
        assertEquals(URI.create(LAN), saved.baseUrl());
        assertTrue(consent.isAllowed("lan box"));
        assertTrue(backedUp("lan box").allowPlainHttp(), "a rebuilt cache would still know the consent");
        assertEquals("", editor.plainHttpErrorProperty().get());

        editor.startNew();
        assertFalse(editor.allowPlainHttpProperty().get());
        editor.edit(saved);
        assertTrue(editor.allowPlainHttpProperty().get(), "editing the account shows its stored consent");
    }

    @Test
    void renamingAnAccountTakesItsConsentAlong() {
        fillLan("lan box");
        editor.allowPlainHttpProperty().set(true);
        editor.save();
        Account saved = accounts.byName("lan box").orElseThrow();

        editor.edit(saved);
        editor.nameProperty().set("attic server");
        editor.save();

        assertTrue(consent.isAllowed("attic server"));
        assertFalse(consent.isAllowed("lan box"));
        assertTrue(backedUp("attic server").allowPlainHttp());
        assertEquals(1, backup.load().size());
    }

    @Test
    void movingTheAccountToHttpsDropsItsConsent() {
        fillLan("lan box");
        editor.allowPlainHttpProperty().set(true);
        editor.save();

        editor.edit(accounts.byName("lan box").orElseThrow());
        editor.baseUrlProperty().set("https://mpt.example.com");
        assertFalse(editor.plainHttpAppliesProperty().get());
        editor.save();

        assertFalse(consent.isAllowed("lan box"));
        assertFalse(backedUp("lan box").allowPlainHttp());
    }

    @Test
    void removingAnAccountForgetsItsConsent() {
        fillLan("lan box");
        editor.allowPlainHttpProperty().set(true);
        editor.save();

        dialog.remove(accounts.byName("lan box").orElseThrow());

        assertTrue(accounts.all().isEmpty());
        assertFalse(consent.isAllowed("lan box"), "a new account of the same name starts without it");
    }

    @Test
    void testConnectionRefusesPlainHttpWithoutConsentAndTriesItWithConsent() {
        fillLan("lan box");
        lanServer.resetCounts();

        editor.testConnection();

        assertEquals(TestState.FAILED, editor.testStateProperty().get());
        assertTrue(editor.testMessageProperty().get().startsWith("Insecure connection refused — "),
                editor.testMessageProperty().get());
        assertEquals(REFUSAL, editor.plainHttpErrorProperty().get());
        assertEquals(0, lanServer.totalRequests(), "nothing was sent to the server");

        editor.allowPlainHttpProperty().set(true);
        editor.testConnection();

        assertEquals(TestState.CONNECTED, editor.testStateProperty().get(), editor.testMessageProperty().get());
        assertEquals("Connected — 6 tasks visible", editor.testMessageProperty().get());
        assertTrue(lanServer.totalRequests() > 0);
    }

    @Test
    void theAccountListMarksAccountsOnPlainHttp() {
        fillLan("lan box");
        editor.allowPlainHttpProperty().set(true);
        editor.save();

        assertTrue(dialog.usesPlainHttp(accounts.byName("lan box").orElseThrow()));
        assertFalse(dialog.usesPlainHttp(new Account(0, ProviderKind.MONEYPRINTERTURBO, "home",
                URI.create("http://localhost:8080"), dev.reelwatch.core.CredentialRef.none(), true, false)));
    }
}
