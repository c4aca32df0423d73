package dev.reelwatch.provider;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;

/** Who a request is made for: used to name the account and provider in every error message. */
public record RequestContext(ProviderKind provider, String accountName) {

    public static RequestContext of(Account account) {
        return new RequestContext(account.provider(), account.name());
    }

    /** "MeshAPI account 'studio'". */
    public String describe() {
        return provider.displayName() + " account '" + accountName + "'";
    }
}
