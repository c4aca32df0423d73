package dev.reelwatch.sync;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.AccountHealth;
import dev.reelwatch.core.ProviderErrorKind;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether the network is gone: every polled account failed with a network error, or every one that is
 * not on this machine did (a local MoneyPrinterTurbo or the demo simulators still answer when the
 * network is down). Accounts parked because their provider is disabled tell nothing either way.
 */
final class OfflineRule {

    private OfflineRule() {
    }

    static boolean isOffline(List<Account> polled, Map<Long, AccountHealth> health) {
        List<Account> remote = polled.stream().filter(a -> !isLoopback(a)).toList();
        List<Account> judged = remote.isEmpty() ? polled : remote;
        List<ProviderErrorKind> kinds = judged.stream()
                .map(a -> health.get(a.id()))
                .map(h -> h == null ? null : h.lastErrorKind())
                .filter(k -> k != ProviderErrorKind.PROVIDER_DISABLED)
                .toList();
        return !kinds.isEmpty() && kinds.stream().allMatch(k -> k == ProviderErrorKind.NETWORK);
    }

    static boolean isLoopback(Account account) {
        String host = account.baseUrl().getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
