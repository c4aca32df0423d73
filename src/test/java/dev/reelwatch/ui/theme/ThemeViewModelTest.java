package dev.reelwatch.ui.theme;

import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.TestCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeViewModelTest {
    @TempDir
    Path dir;
    private TestCache cache;

    @BeforeEach
    void setUp() {
        cache = new TestCache(dir, new AdjustableClock(Instant.parse("2025-03-10T12:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        cache.close();
    }

    private ThemeViewModel theme(Optional<Boolean> systemDark) {
        return new ThemeViewModel(new SettingsWriter(cache.settings, UiThread.direct()), () -> systemDark,
                TestExecutors.direct());
    }

    @Test
    void followsTheSystemUntilTheUserPicksAndRemembersThePick() {
        ThemeViewModel vm = theme(Optional.of(true));
        assertEquals(ThemeChoice.SYSTEM, vm.choiceProperty().get());
        assertTrue(vm.darkProperty().get());
        vm.choiceProperty().set(ThemeChoice.LIGHT);
        assertFalse(vm.darkProperty().get());

        ThemeViewModel nextRun = theme(Optional.of(true));
        assertEquals(ThemeChoice.LIGHT, nextRun.choiceProperty().get());
        assertFalse(nextRun.darkProperty().get());
    }

    @Test
    void anUnknownSystemPreferenceMeansLight() {
        assertFalse(theme(Optional.empty()).darkProperty().get());
        ThemeViewModel vm = theme(Optional.empty());
        vm.choiceProperty().set(ThemeChoice.DARK);
        assertTrue(vm.darkProperty().get());
    }

    @Test
    void gtkThemeVariableDecidesOnLinuxWithoutAskingGsettings() {
        OsThemeDetector detector = new OsThemeDetector("Linux", Map.of("GTK_THEME", "Adwaita:dark"),
                Duration.ofSeconds(1));
        assertEquals(Optional.of(true), detector.prefersDark());
        OsThemeDetector light = new OsThemeDetector("Linux", Map.of("GTK_THEME", "Adwaita"), Duration.ofSeconds(1));
        assertEquals(Optional.of(false), light.prefersDark());
    }
}
