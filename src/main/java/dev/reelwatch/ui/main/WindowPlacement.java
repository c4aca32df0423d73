package dev.reelwatch.ui.main;

import java.util.Locale;
import java.util.Optional;

/** Where the main window was and how big, remembered between runs. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    String encode() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
    }

    static Optional<WindowPlacement> decode(String text) {
        try {
            String[] f = text.split(",");
            WindowPlacement p = new WindowPlacement(Double.parseDouble(f[0]), Double.parseDouble(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Boolean.parseBoolean(f[4]));
            return p.width() >= 200 && p.height() >= 150 ? Optional.of(p) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
