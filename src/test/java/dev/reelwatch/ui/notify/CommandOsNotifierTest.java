package dev.reelwatch.ui.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OS notifications through a real {@code notify-send} on the PATH (a script standing in for libnotify's). */
class CommandOsNotifierTest {

    @TempDir
    Path dir;

    private Path fakeNotifySend(Path bin, Path log) throws Exception {
        Files.createDirectories(bin);
        Path script = bin.resolve("notify-send");
        Files.writeString(script, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + log + "'; done\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void notifySendOnThePathIsFoundAndRunOffTheCallersThread() throws Exception {
        Path log = dir.resolve("log.txt");
        Path bin = dir.resolve("bin");
        fakeNotifySend(bin, log);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            CommandOsNotifier os = new CommandOsNotifier("Linux", dir.resolve("nothing-here") + File.pathSeparator
                    + bin, background);
            // The look-up was queued first on the one background thread: once a later task ran, it is done.
            background.submit(() -> { }).get(60, TimeUnit.SECONDS);
            assertTrue(os.available());
            os.show("2 tasks failed", "“Boats <at> dawn & dusk”", true);
            background.shutdown();
            assertTrue(background.awaitTermination(60, TimeUnit.SECONDS));
            assertEquals(List.of("--app-name=Reelwatch", "--urgency=critical", "--icon=dialog-error", "2 tasks failed",
                    "“Boats &lt;at&gt; dawn &amp; dusk”"), Files.readAllLines(log));
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void withoutTheCommandThereAreNoOsNotifications() {
        assertTrue(CommandOsNotifier.find("Linux", dir.toString()).isEmpty());
        assertTrue(CommandOsNotifier.find("Windows 11", "/usr/bin").isEmpty());
        CommandOsNotifier os = new CommandOsNotifier("Linux", dir.toString(), Runnable::run);
        assertFalse(os.available());
    }

    @Test
    void macOsUsesOsascriptWithQuotesEscaped() {
        List<String> c = CommandOsNotifier.command("Mac OS X", Path.of("/usr/bin/osascript"), "Video ready",
                "“A \"quoted\" prompt”\nStudio", false);
        assertEquals(List.of("/usr/bin/osascript", "-e", "display notification \"“A \\\"quoted\\\" prompt” Studio\""
                + " with title \"Reelwatch\" subtitle \"Video ready\""), c);
    }
}
