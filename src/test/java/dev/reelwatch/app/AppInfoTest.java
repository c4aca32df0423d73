package dev.reelwatch.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The version the app shows (About, User-Agent) and the CLI prints is the pom's, filled in by the build. */
class AppInfoTest {

    @TempDir
    Path temp;

    /** The pom's version, which surefire passes in (pom.xml: systemPropertyVariables). */
    private static String pomVersion() {
        String expected = System.getProperty("reelwatch.expectedVersion");
        assertNotNull(expected, "surefire must set reelwatch.expectedVersion to ${project.version}");
        return expected;
    }

    @Test
    void versionIsThePomVersion() {
        assertEquals(pomVersion(), AppInfo.version());
    }

    @Test
    void cliPrintsTheSameVersion() {
        CliRun run = CliRun.of(temp.resolve("home"), Map.of(), "", "--version");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("reelwatch " + pomVersion(), run.out().strip());
    }
}
