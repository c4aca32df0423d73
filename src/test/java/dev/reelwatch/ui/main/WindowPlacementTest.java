package dev.reelwatch.ui.main;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the main window opens the first time, before any placement was remembered. */
class WindowPlacementTest {

    @Test
    void aFirstWindowTakesMostOfTheScreenCentred() {
        WindowPlacement p = WindowPlacement.firstRun(0, 0, 1440, 900);
        assertEquals(new WindowPlacement(72, 45, 1296, 810, false), p);
    }

    @Test
    void aFirstWindowKeepsClearOfPanelsBesideTheUsableArea() {
        WindowPlacement p = WindowPlacement.firstRun(0, 32, 1920, 1048);
        assertEquals(96, p.x());
        assertEquals(32 + 52, p.y());
        assertEquals(1728, p.width());
        assertEquals(943, p.height());
    }

    @Test
    void aSmallScreenGetsItsWholeUsableAreaRatherThanACrampedWindow() {
        WindowPlacement p = WindowPlacement.firstRun(0, 0, 1024, 600);
        assertEquals(new WindowPlacement(0, 0, 1024, 600, false), p);
    }

    @Test
    void aMidSizedScreenStillGetsAComfortableWindow() {
        WindowPlacement p = WindowPlacement.firstRun(0, 0, 1200, 760);
        assertEquals(1100, p.width());
        assertEquals(700, p.height());
        assertEquals(30, p.y());
        assertEquals(50, p.x());
    }
}
