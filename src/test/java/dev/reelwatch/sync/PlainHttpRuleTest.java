package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.store.PlainHttpConsent;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTPS rule as the poller applies it: plain HTTP to another machine only with the account's consent. */
class PlainHttpRuleTest extends SyncTestbedCase {
    @Test
    void plainHttpToAnotherMachineIsRefusedAsInsecureWithoutAnyRequest() {
        Account nas = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "nas", URI.create("http://192.0.2.10:8080"), null);
        AtomicInteger clientsBuilt = new AtomicInteger();
        PollingSyncService sync = bed.closeLater(new PollingSyncService(bed.accounts, bed.tasks, bed.settings, a -> {
            clientsBuilt.incrementAndGet();
            return bed.clientFactory().clientFor(a);
        }, bed.clock, bed.syncSettings));

        sync.runDuePasses();

        AccountHealth h = sync.status().health().get(nas.id());
        assertEquals(ProviderErrorKind.INSECURE, h.lastErrorKind());
        assertTrue(h.lastErrorMessage().contains("--allow-http"), h.lastErrorMessage());
        assertEquals(0, clientsBuilt.get(), "no client, so no request, for a refused account");
    }

    @Test
    void withConsentThePollerTriesTheServer() {
        new PlainHttpConsent(bed.settings).set("NAS", true);
        Account nas = bed.addAccount(ProviderKind.MONEYPRINTERTURBO, "nas", URI.create("http://nas.invalid:8080"), null);
        PollingSyncService sync = bed.service();

        sync.runDuePasses();

        ProviderErrorKind kind = sync.status().health().get(nas.id()).lastErrorKind();
        assertNotEquals(ProviderErrorKind.INSECURE, kind);
        assertEquals(ProviderErrorKind.NETWORK, kind, "the name does not resolve: a network error, not a refusal");
    }

    @Test
    void theRuleItself() {
        assertTrue(TransportSecurity.permits(URI.create("https://api.example.com"), false));
        assertTrue(TransportSecurity.permits(URI.create("http://127.0.0.1:8080"), false));
        assertTrue(TransportSecurity.permits(URI.create("http://127.8.9.1"), false));
        assertTrue(TransportSecurity.permits(URI.create("http://localhost:8080"), false));
        assertTrue(TransportSecurity.permits(URI.create("http://[::1]:8080"), false));
        assertFalse(TransportSecurity.permits(URI.create("http://192.168.1.2:8080"), false));
        assertFalse(TransportSecurity.permits(URI.create("http://127.0.0.1.evil.example"), false));
        assertFalse(TransportSecurity.permits(URI.create("http://localhost.evil.example"), false));
        assertTrue(TransportSecurity.permits(URI.create("http://192.168.1.2:8080"), true));
        assertFalse(TransportSecurity.permits(URI.create("ftp://192.168.1.2"), true));
        assertFalse(TransportSecurity.permits(URI.create("file:///etc/passwd"), true));
    }
}
