package dev.reelwatch.ui.main;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the main window opens: the first time, and when a remembered placement is or is not sane. */
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

    private static final ScreenArea LAPTOP = new ScreenArea(0, 0, 1440, 900);
    private static final WindowPlacement FIRST = WindowPlacement.firstRun(0, 0, 1440, 900);

    private static WindowPlacement restore(String saved, ScreenArea... screens) {
        return WindowPlacement.restore(WindowPlacement.decode(saved), List.of(screens), screens[0]);
    }

    @Test
    void aSaneSavedPlacementComesBackAsItWas() {
        assertEquals(new WindowPlacement(100, 60, 1000, 700, false), restore("100,60,1000,700,false", LAPTOP));
        assertEquals(new WindowPlacement(100, 60, 1000, 700, true), restore("100,60,1000,700,true", LAPTOP));
    }

    @Test
    void aTinySavedWindowOpensAsOnTheFirstRun() {
        assertEquals(FIRST, restore("72,45,200,200,false", LAPTOP), "the 200x200 a window manager forced");
        assertEquals(FIRST, restore("72,45,1296,500,false", LAPTOP), "too low");
        assertEquals(FIRST, restore("72,45,700,810,false", LAPTOP), "too narrow");
        assertEquals(FIRST, restore("72,45,1296,NaN,false", LAPTOP), "half written");
        assertEquals(FIRST, restore("garbage", LAPTOP));
    }

    @Test
    void aWindowOnAScreenThatIsGoneOpensAsOnTheFirstRun() {
        assertEquals(FIRST, restore("5000,4000,1200,800,false", LAPTOP), "off every screen");
        assertEquals(FIRST, restore("2000,100,1200,800,true", LAPTOP), "maximised on a monitor since unplugged");
        assertEquals(FIRST, restore("-1190,100,1200,800,false", LAPTOP), "only a sliver of the title bar shows");
        assertEquals(FIRST, restore("100,-300,1200,800,false", LAPTOP), "title bar above the screen");
    }

    @Test
    void aWindowOnASecondScreenStaysThere() {
        ScreenArea right = new ScreenArea(1440, 0, 1920, 1080);
        assertEquals(new WindowPlacement(1600, 100, 1200, 800, false),
                restore("1600,100,1200,800,false", LAPTOP, right));
    }

    @Test
    void aWindowLargerThanItsScreenNowIsShrunkOntoIt() {
        ScreenArea small = new ScreenArea(0, 0, 1366, 738);
        assertEquals(new WindowPlacement(0, 0, 1366, 738, false), restore("40,20,1900,1000,false", small));
        assertEquals(new WindowPlacement(366, 38, 1000, 700, false), restore("900,500,1000,700,false", small),
                "moved back so the whole window is on the screen");
    }
}
