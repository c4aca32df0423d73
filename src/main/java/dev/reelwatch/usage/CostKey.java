package dev.reelwatch.usage;

import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CostUnit;

import java.util.Comparator;

/**
 * One thing a provider bills in: tokens, credits, or one currency. Amounts are only ever added up within the
 * same key; "USD" and "EUR" are different keys as much as tokens and credits are.
 */
public record CostKey(CostUnit unit, String currency) implements Comparable<CostKey> {
    private static final Comparator<CostKey> ORDER = Comparator.comparing(CostKey::unit)
            .thenComparing(CostKey::currency);

    public CostKey {
        currency = unit == CostUnit.CURRENCY && currency != null ? currency : "";
    }

    public static CostKey of(Cost cost) {
        return new CostKey(cost.unit(), cost.currency());
    }

    /** "tokens", "credits", or the currency's code ("currency" when the provider named none). */
    public String label() {
        return switch (unit) {
            case TOKENS -> "tokens";
            case CREDITS -> "credits";
            case CURRENCY -> currency.isEmpty() ? "currency" : currency;
        };
    }

    @Override
    public int compareTo(CostKey other) {
        return ORDER.compare(this, other);
    }
}
