package dev.reelwatch.cli;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Text for people in the terminal. Provider text is made harmless: bidi overrides and isolates, zero-width
 * marks and control characters (ESC included) are shown escaped as {@code \u202E}, so a prompt cannot reorder or
 * recolour what is printed around it; line breaks and tabs become spaces. Numbers get thousands separators.
 * JSON output never goes through here: it stays exact.
 */
final class HumanText {

    private HumanText() {
    }

    /** One line of provider text, safe to print. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                b.append(' ');
            } else if (isHostile(cp)) {
                b.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** Control characters and the invisible formatting marks that reorder or hide text in a terminal. */
    static boolean isHostile(int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
    }

    /** 6534000 → "6,534,000". */
    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** 6534000 → "6,534,000"; 0.4 → "0.4"; keeps up to {@code maxFraction} decimals. */
    static String number(BigDecimal n, int minFraction, int maxFraction) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(minFraction);
        f.setMaximumFractionDigits(maxFraction);
        return f.format(n);
    }

    /** A cost for reading: "6,534,000 tokens", "12 credits", "0.40 USD". */
    static String cost(dev.reelwatch.core.Cost cost) {
        if (cost == null) {
            return "-";
        }
        return switch (cost.unit()) {
            case TOKENS -> number(cost.amount(), 0, 0) + " tokens";
            case CREDITS -> number(cost.amount(), 0, 4) + " credits";
            case CURRENCY -> number(cost.amount(), 2, 4) + (cost.currency().isEmpty() ? "" : " " + cost.currency());
        };
    }
}
