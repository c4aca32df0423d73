package dev.reelwatch.ui.main;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where the main window was and how big, remembered between runs. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    /** Share of the screen's usable area a first window takes. */
    static final double FIRST_RUN_SHARE = 0.9;
    /** Below this the three panes get cramped; smaller screens get their whole usable area instead. */
    static final double COMFORTABLE_WIDTH = 1100;
    static final double COMFORTABLE_HEIGHT = 700;
    /** The smallest window worth restoring (and the window's minimum size): smaller is a WM accident. */
    public static final double MIN_WIDTH = 800;
    public static final double MIN_HEIGHT = 560;
    /** How much of the title bar must lie on a screen for a window to count as on it: enough to grab it. */
    static final double GRAB_WIDTH = 160;
    static final double GRAB_HEIGHT = 24;

    /**
     * Where the window opens: the saved placement when it is sane — at least {@link #MIN_WIDTH} x
     * {@link #MIN_HEIGHT}, finite, its title bar on one of the {@code screens} that exist now (made to fit
     * that screen when it is larger) — otherwise {@link #firstRun} on {@code primary}. A saved maximised
     * window comes back maximised over its sane normal bounds; one whose screen is gone opens as on first run.
     */
    public static WindowPlacement restore(Optional<WindowPlacement> saved, List<ScreenArea> screens,
                                          ScreenArea primary) {
        WindowPlacement first = firstRun(primary.x(), primary.y(), primary.width(), primary.height());
        if (saved.isEmpty() || !saved.get().isSane()) {
            return first;
        }
        WindowPlacement p = saved.get();
        return screens.stream()
                .filter(s -> s.overlapWidth(p.x, p.width) >= Math.min(GRAB_WIDTH, p.width)
                        && s.overlapHeight(p.y, GRAB_HEIGHT) >= GRAB_HEIGHT)
                .findFirst()
                .map(p::fittedTo)
                .orElse(first);
    }

    /** Big enough to use and made of real numbers (a half-written setting can hold NaN). */
    boolean isSane() {
        return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(width) && Double.isFinite(height)
                && width >= MIN_WIDTH && height >= MIN_HEIGHT;
    }

    /** This placement shrunk to {@code screen} where it is larger, and moved so it lies wholly on it. */
    WindowPlacement fittedTo(ScreenArea screen) {
        double w = Math.min(width, screen.width());
        double h = Math.min(height, screen.height());
        double nx = Math.max(screen.x(), Math.min(x, screen.x() + screen.width() - w));
        double ny = Math.max(screen.y(), Math.min(y, screen.y() + screen.height() - h));
        return new WindowPlacement(nx, ny, w, h, maximized);
    }

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
            return Optional.of(p);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
