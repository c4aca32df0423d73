package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfflineRuleTest {
    private final Account remote = account(1, "https://api.meshapi.ai");
    private final Account otherRemote = account(2, "https://api.hedra.com");
    private final Account local = account(3, "http://localhost:8080");

    @Test
    void offlineWhenEveryRemoteAccountHasANetworkErrorEvenIfALocalOneAnswers() {
        Map<Long, AccountHealth> health = Map.of(1L, failing(1, ProviderErrorKind.NETWORK),
                2L, failing(2, ProviderErrorKind.NETWORK), 3L, AccountHealth.unknown(3));
        assertTrue(OfflineRule.isOffline(List.of(remote, otherRemote, local), health));
    }

    @Test
    void notOfflineWhileOneRemoteAccountStillAnswers() {
        Map<Long, AccountHealth> health = Map.of(1L, failing(1, ProviderErrorKind.NETWORK),
                2L, AccountHealth.unknown(2));
        assertFalse(OfflineRule.isOffline(List.of(remote, otherRemote), health));
        assertFalse(OfflineRule.isOffline(List.of(remote, otherRemote),
                Map.of(1L, failing(1, ProviderErrorKind.NETWORK), 2L, failing(2, ProviderErrorKind.UPSTREAM))));
    }

    @Test
    void onlyLocalAccountsAreJudgedThemselves() {
        assertTrue(OfflineRule.isOffline(List.of(local), Map.of(3L, failing(3, ProviderErrorKind.NETWORK))));
        assertFalse(OfflineRule.isOffline(List.of(local), Map.of(3L, AccountHealth.unknown(3))));
        assertFalse(OfflineRule.isOffline(List.of(), Map.of()));
    }

    @Test
    void aDisabledProviderSaysNothingAboutTheNetwork() {
        Map<Long, AccountHealth> health = Map.of(1L, failing(1, ProviderErrorKind.NETWORK),
                2L, failing(2, ProviderErrorKind.PROVIDER_DISABLED));
        assertTrue(OfflineRule.isOffline(List.of(remote, otherRemote), health));
    }

    private static AccountHealth failing(long id, ProviderErrorKind kind) {
        return new AccountHealth(id, null, null, kind, "x", null, false, Map.of());
    }

    private static Account account(long id, String url) {
        return new Account(id, ProviderKind.MESHAPI, "a" + id, URI.create(url), CredentialRef.none(), true, false);
    }
}
