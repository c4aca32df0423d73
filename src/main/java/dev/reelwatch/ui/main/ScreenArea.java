package dev.reelwatch.ui.main;

/** The usable part of one screen (without panels and docks), in the desktop's coordinates. */
public record ScreenArea(double x, double y, double width, double height) {

    double overlapWidth(double ox, double ow) {
        return Math.max(0, Math.min(x + width, ox + ow) - Math.max(x, ox));
    }

    double overlapHeight(double oy, double oh) {
        return Math.max(0, Math.min(y + height, oy + oh) - Math.max(y, oy));
    }
}
