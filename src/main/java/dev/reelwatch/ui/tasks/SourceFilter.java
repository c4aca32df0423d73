package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.ProviderKind;

/** "Where from" in the filter bar: every account, one provider's accounts, or one account. */
public record SourceFilter(ProviderKind provider, Long accountId, String label) {

    public static final SourceFilter ALL = new SourceFilter(null, null, "");

    public static SourceFilter provider(ProviderKind kind) {
        return new SourceFilter(kind, null, kind.displayName());
    }

    public static SourceFilter account(long id, String name) {
        return new SourceFilter(null, id, name);
    }

    public boolean isAll() {
        return provider == null && accountId == null;
    }

    boolean matches(TaskRow row) {
        if (accountId != null) {
            return row.accountId() == accountId;
        }
        return provider == null || row.provider() == provider;
    }
}
