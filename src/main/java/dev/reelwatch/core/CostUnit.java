package dev.reelwatch.core;

import java.util.Locale;

/** What a provider bills in. Amounts in different units are never added together. */
public enum CostUnit {
    TOKENS, CREDITS, CURRENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
