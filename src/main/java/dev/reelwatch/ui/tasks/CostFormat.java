package dev.reelwatch.ui.tasks;

import dev.reelwatch.core.Cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A cost as people read it, per unit: "12,500 tokens", "1,234.5 credits", "$0.0042" style currency amounts with
 * 2 decimals from 1 up, 3 under 1 and 4 under 0.1 (so a fraction of a cent still shows), thousands separators
 * throughout, in the user's format locale.
 */
final class CostFormat {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.tasks.messages");

    private CostFormat() {
    }

    static String format(Cost cost) {
        return cost == null ? "" : format(cost, Locale.getDefault(Locale.Category.FORMAT));
    }

    static String format(Cost cost, Locale locale) {
        if (cost == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        return switch (cost.unit()) {
            case TOKENS -> String.format(TEXT.getString("cost.tokens"),
                    new DecimalFormat("#,##0", symbols).format(cost.amount().setScale(0, RoundingMode.HALF_UP)));
            case CREDITS -> String.format(TEXT.getString("cost.credits"),
                    new DecimalFormat("#,##0.##", symbols).format(cost.amount()));
            case CURRENCY -> {
                int decimals = decimals(cost.amount());
                DecimalFormat f = new DecimalFormat("#,##0." + "0".repeat(decimals), symbols);
                f.setRoundingMode(RoundingMode.HALF_UP);
                String amount = f.format(cost.amount());
                yield cost.currency().isEmpty() ? amount : amount + " " + cost.currency();
            }
        };
    }

    /** 2 decimals from 1 up, 3 from 0.1, 4 below (0 itself: 2). */
    static int decimals(BigDecimal amount) {
        BigDecimal a = amount.abs();
        if (a.signum() == 0 || a.compareTo(BigDecimal.ONE) >= 0) {
            return 2;
        }
        return a.compareTo(new BigDecimal("0.1")) >= 0 ? 3 : 4;
    }
}
