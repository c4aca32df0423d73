package dev.reelwatch.store;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.reelwatch.store.StoreFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqliteAccountStoreTest {
    @TempDir
    Path dir;

    private StoreFixture store;

    @BeforeEach
    void open() {
        store = new StoreFixture(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void addedAccountsComeBackWithTheirIdAndEveryField() {
        Account hedra = store.accounts.add(new Account(0, ProviderKind.HEDRA, "Studio", URI.create("https://api.hedra.com"),
                CredentialRef.environment("HEDRA_KEY"), false, false));
        Account demo = store.accounts.add(new Account(0, ProviderKind.MONEYPRINTERTURBO, "demo",
                URI.create("http://127.0.0.1:5555"), CredentialRef.none(), true, true));

        assertTrue(hedra.id() > 0);
        assertEquals(List.of(demo, hedra), store.accounts.all());
        assertEquals(hedra, store.accounts.byId(hedra.id()).orElseThrow());
        assertEquals(hedra, store.accounts.byName("STUDIO").orElseThrow());
        assertTrue(store.accounts.byName("nobody").isEmpty());
    }

    @Test
    void namesAreUniqueIgnoringCaseInAnyScript() {
        store.account("Über");

        DuplicateAccountException e = assertThrows(DuplicateAccountException.class, () -> store.account("über"));

        assertTrue(e.getMessage().contains("über"), e.getMessage());
        assertEquals(1, store.accounts.all().size());
    }

    @Test
    void updateChangesFieldsButNotIntoATakenName() {
        Account first = store.account("first");
        store.account("second");

        Account renamed = new Account(first.id(), ProviderKind.PHASEO, "First!", URI.create("https://example.test"),
                CredentialRef.credentialsFile("First!"), false, false);
        store.accounts.update(renamed);

        assertEquals(renamed, store.accounts.byId(first.id()).orElseThrow());
        assertThrows(DuplicateAccountException.class, () -> store.accounts.update(renamed.withEnabled(true)
                .withId(store.accounts.byName("second").orElseThrow().id())));
        store.accounts.update(new Account(first.id(), ProviderKind.PHASEO, "FIRST!", URI.create("https://example.test"),
                CredentialRef.credentialsFile("First!"), true, false));
        assertEquals("FIRST!", store.accounts.byId(first.id()).orElseThrow().name());
    }

    @Test
    void healthIsSavedAndReplaced() {
        Account account = store.account("main");
        assertTrue(store.accounts.health(account.id()).isEmpty());

        AccountHealth failing = new AccountHealth(account.id(), START, START.plusSeconds(60),
                ProviderErrorKind.RATE_LIMITED, "Too many requests", START.plusSeconds(120), true,
                Map.of(TaskStatus.RUNNING, 2, TaskStatus.SUCCEEDED, 10));
        store.accounts.saveHealth(failing);
        assertEquals(failing, store.accounts.health(account.id()).orElseThrow());

        AccountHealth healthy = new AccountHealth(account.id(), START.plusSeconds(180), START.plusSeconds(180), null,
                null, null, false, Map.of());
        store.accounts.saveHealth(healthy);
        assertEquals(healthy, store.accounts.health(account.id()).orElseThrow());

        store.accounts.remove(account.id());
        assertTrue(store.accounts.health(account.id()).isEmpty());
    }

    @Test
    void settingsAreStoredReplacedAndRemoved() {
        assertEquals("light", store.settings.get("theme", "light"));
        store.settings.put("theme", "dark");
        store.settings.put("theme", "system");
        store.settings.put("window.width", "1280");
        store.settings.put("archive.enabled", "true");

        assertEquals("system", store.settings.get("theme").orElseThrow());
        assertEquals(1280, store.settings.getLong("window.width", 0));
        assertTrue(store.settings.getBoolean("archive.enabled", false));

        store.settings.remove("theme");
        assertTrue(store.settings.get("theme").isEmpty());
    }
}
