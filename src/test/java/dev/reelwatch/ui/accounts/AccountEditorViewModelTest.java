package dev.reelwatch.ui.accounts;

import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.app.ProviderConnectionTester;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.meshapi.MeshApiClient;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimScenario;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.common.UiThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountEditorViewModelTest {
    private static final String KEY = "sk-mesh-right-key";
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @TempDir
    Path dir;
    private AdjustableClock clock;
    private Database db;
    private SqliteAccountStore accounts;
    private SqliteTaskStore tasks;
    private CredentialStore keys;
    private MeshApiSimulator mesh;
    private PollingSyncService sync;
    private AccountEditorViewModel editor;

    @BeforeEach
    void setUp() {
        clock = new AdjustableClock(Instant.parse("2026-03-03T14:00:00Z"));
        db = Database.open(dir.resolve("cache.db"));
        accounts = new SqliteAccountStore(db);
        tasks = new SqliteTaskStore(db, clock);
        keys = new CredentialStore(dir.resolve("credentials.properties"));
        mesh = new MeshApiSimulator(clock, KEY,
                new SimScenario(7, clock.instant()).generate(List.of("seedance-1-0-pro"), 12, 0, Duration.ZERO));
        mesh.start();
        HttpTransport transport = HttpTransport.standard("test", clock);
        CredentialResolver resolver = new CredentialResolver(keys, Map.of());
        sync = new PollingSyncService(accounts, tasks, new SqliteSettingsStore(db),
                a -> new MeshApiClient(a, resolver.apiKeyFor(a).orElse(null), transport), clock,
                SyncSettings.defaults().withTick(Duration.ofMillis(50)));
        ConnectionTester tester = new ProviderConnectionTester((a, key) -> new MeshApiClient(a, key, transport));
        editor = new AccountEditorViewModel(accounts, keys,
                PlainHttpPermissions.of(new PlainHttpConsent(new SqliteSettingsStore(db)), () -> { }),
                Map.of("MESH_KEY", KEY), tester, sync, TestExecutors.direct(), dialogs);
    }

    @AfterEach
    void tearDown() {
        sync.close();
        mesh.close();
        db.close();
    }

    @Test
    void newAccountStartsWithTheProvidersDefaultBaseUrlAndFollowsTheKind() {
        assertEquals(ProviderKind.MESHAPI, editor.kindProperty().get());
        assertEquals("https://api.meshapi.ai", editor.baseUrlProperty().get());

        editor.kindProperty().set(ProviderKind.HEDRA);
        assertEquals("https://api.hedra.com", editor.baseUrlProperty().get());
        editor.kindProperty().set(ProviderKind.MONEYPRINTERTURBO);
        assertEquals("http://localhost:8080", editor.baseUrlProperty().get());
    }

    @Test
    void anEditedBaseUrlSurvivesAChangeOfKind() {
        editor.baseUrlProperty().set("https://proxy.example.com/meshapi");
        editor.kindProperty().set(ProviderKind.PHASEO);
        assertEquals("https://proxy.example.com/meshapi", editor.baseUrlProperty().get());
    }

    @Test
    void errorsAppearOnlyOnceAFieldWasTouchedOrSaveTried() {
        assertEquals("", editor.nameErrorProperty().get());
        assertFalse(editor.validProperty().get());

        editor.save();

        assertEquals("Give the account a name.", editor.nameErrorProperty().get());
        assertEquals("MeshAPI needs an API key.", editor.keyErrorProperty().get());
        assertTrue(accounts.all().isEmpty());
    }

    @Test
    void validationExplainsBadUrlsTakenNamesAndBadVariables() {
        accounts.add(new Account(0, ProviderKind.HEDRA, "Studio", URI.create("https://api.hedra.com"),
                CredentialRef.none(), true, false));
        editor.startNew();

        editor.nameProperty().set("studio");
        assertEquals("An account named “studio” exists already; choose another name.", editor.nameErrorProperty().get());
        editor.baseUrlProperty().set("ftp://files.example.com");
        assertEquals("Use an http:// or https:// address.", editor.baseUrlErrorProperty().get());
        editor.baseUrlProperty().set("https://");
        assertFalse(editor.baseUrlErrorProperty().get().isEmpty());
        editor.useEnvironmentProperty().set(true);
        editor.environmentVariableProperty().set("9KEY");
        assertEquals("Variable names use letters, digits and _ and do not start with a digit.",
                editor.keyErrorProperty().get());
        editor.environmentVariableProperty().set("NOT_SET_HERE");
        assertEquals("", editor.keyErrorProperty().get());
        assertTrue(editor.keyHintProperty().get().startsWith("NOT_SET_HERE is not set"));
    }

    @Test
    void moneyPrinterTurboNeedsNoKey() {
        editor.kindProperty().set(ProviderKind.MONEYPRINTERTURBO);
        editor.nameProperty().set("home server");
        assertTrue(editor.validProperty().get());
        assertEquals("", editor.keyErrorProperty().get());
    }

    @Test
    void wrongKeyReportsTheAuthenticationErrorClass() {
        fillMesh("studio", "sk-wrong");

        editor.testConnection();

        assertEquals(TestState.FAILED, editor.testStateProperty().get());
        assertTrue(editor.testMessageProperty().get().startsWith("Authentication failed — "),
                editor.testMessageProperty().get());
        assertFalse(editor.testMessageProperty().get().contains("in Accounts"),
                "the dialog does not send the user to where they already are");
        assertTrue(editor.testMessageProperty().get().contains("Check the key above."),
                editor.testMessageProperty().get());
    }

    @Test
    void savingAfterAFailedTestAsksFirstAndKeepsTheFormWhenTheUserDeclines() {
        fillMesh("studio", "sk-wrong");
        editor.testConnection();
        dialogs.confirmAnswer = false;

        editor.save();

        assertEquals(1, dialogs.asked.size(), dialogs.asked::toString);
        assertTrue(dialogs.asked.get(0).startsWith("confirm: Save without a working connection?"));
        assertTrue(accounts.all().isEmpty(), "declined: nothing saved");

        dialogs.confirmAnswer = true;
        editor.save();

        assertEquals(1, accounts.all().size(), "confirmed: saved anyway");
    }

    @Test
    void rightKeyReportsHowManyTasksAreVisible() {
        fillMesh("studio", KEY);

        editor.testConnection();

        assertEquals(TestState.CONNECTED, editor.testStateProperty().get());
        assertEquals("Connected — 12 tasks visible", editor.testMessageProperty().get());
    }

    @Test
    void keyFromAnEnvironmentVariableIsUsedForTheTest() {
        fillMesh("studio", "");
        editor.useEnvironmentProperty().set(true);
        editor.environmentVariableProperty().set("MESH_KEY");

        editor.testConnection();

        assertEquals("Connected — 12 tasks visible", editor.testMessageProperty().get());
    }

    @Test
    void editingTheFormClearsAnOldTestResult() {
        fillMesh("studio", KEY);
        editor.testConnection();
        editor.apiKeyProperty().set("sk-other");
        assertEquals(TestState.IDLE, editor.testStateProperty().get());
        assertEquals("", editor.testMessageProperty().get());
    }

    @Test
    void saveKeepsTheKeyInTheCredentialsFileNeverInTheDatabaseAndStartsPolling() throws Exception {
        sync.start();
        fillMesh("studio", KEY);
        Account[] saved = new Account[1];
        editor.setOnSaved(a -> saved[0] = a);

        editor.save();

        Account stored = accounts.byName("studio").orElseThrow();
        assertEquals(stored, saved[0]);
        assertEquals(CredentialRef.credentialsFile("studio"), stored.credential());
        assertEquals(mesh.baseUrl(), stored.baseUrl());
        assertEquals(KEY, keys.get("studio").orElseThrow());
        assertFalse(filesMention(KEY, "credentials.properties"), "the key must not be in the database files");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tasks.count(TaskQuery.all()) < 12 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(12, tasks.count(TaskQuery.all()), "the poller picked the new account up");
    }

    @Test
    void renamingAnAccountMovesItsKeyAndAnEmptyKeyFieldKeepsIt() {
        fillMesh("studio", KEY);
        editor.save();
        Account studio = accounts.byName("studio").orElseThrow();

        editor.edit(studio);
        assertEquals("Leave empty to keep the saved key.", editor.keyHintProperty().get());
        assertTrue(editor.validProperty().get());
        editor.nameProperty().set("agency");
        editor.save();

        assertEquals(KEY, keys.get("agency").orElseThrow());
        assertTrue(keys.get("studio").isEmpty());
        assertEquals(CredentialRef.credentialsFile("agency"), accounts.byId(studio.id()).orElseThrow().credential());
        editor.testConnection();
        assertEquals(TestState.CONNECTED, editor.testStateProperty().get(), editor.testMessageProperty().get());
    }

    private void fillMesh(String name, String key) {
        editor.startNew();
        editor.kindProperty().set(ProviderKind.MESHAPI);
        editor.nameProperty().set(name);
        editor.baseUrlProperty().set(mesh.baseUrl().toString());
        editor.apiKeyProperty().set(key);
    }

    private boolean filesMention(String secret, String except) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(except)
                        && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }
}
