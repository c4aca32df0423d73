package dev.reelwatch.ui.main;

import java.util.Locale;
import java.util.Optional;

/** Where the main window was and how big, remembered between runs. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /** Share of the screen's usable area a first window takes. */
    static final double FIRST_RUN_SHARE = 0.9;
    /** Below this the three panes get cramped; smaller screens get their whole usable area instead. */
    static final double COMFORTABLE_WIDTH = 1100;
    static final double COMFORTABLE_HEIGHT = 700;

    /**
     * Where a first window goes on a screen whose usable area (without panels and docks) is given: most of
     * it, centred, never smaller than comfortable unless the screen itself is smaller.
     */
    public static WindowPlacement firstRun(double areaX, double areaY, double areaWidth, double areaHeight) {
        double w = Math.min(areaWidth, Math.max(COMFORTABLE_WIDTH, Math.round(areaWidth * FIRST_RUN_SHARE)));
        double h = Math.min(areaHeight, Math.max(COMFORTABLE_HEIGHT, Math.round(areaHeight * FIRST_RUN_SHARE)));
        return new WindowPlacement(areaX + Math.floor((areaWidth - w) / 2), areaY + Math.floor((areaHeight - h) / 2),
                w, h, false);
    }

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
