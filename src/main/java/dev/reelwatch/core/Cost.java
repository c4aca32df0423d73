package dev.reelwatch.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one task cost. {@code currency} is the ISO code when {@code unit} is {@link CostUnit#CURRENCY},
 * otherwise empty.
 */
public record Cost(BigDecimal amount, CostUnit unit, String currency) {

    public Cost {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        currency = currency == null ? "" : currency;
    }

    public static Cost tokens(long tokens) {
        return new Cost(BigDecimal.valueOf(tokens), CostUnit.TOKENS, "");
    }

    public static Cost credits(BigDecimal credits) {
        return new Cost(credits, CostUnit.CREDITS, "");
    }

    public static Cost money(BigDecimal amount, String currency) {
        return new Cost(amount, CostUnit.CURRENCY, currency);
    }

    /** "1500 tokens", "12 credits", "0.40 USD". */
    public String display() {
        return switch (unit) {
            case TOKENS -> amount.toPlainString() + " tokens";
            case CREDITS -> amount.stripTrailingZeros().toPlainString() + " credits";
            case CURRENCY -> amount.toPlainString() + (currency.isEmpty() ? "" : " " + currency);
        };
    }
}
