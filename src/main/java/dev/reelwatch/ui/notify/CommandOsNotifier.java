package dev.reelwatch.ui.notify;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OS notifications through the platform's command: {@code notify-send} on Linux and other Unixes (when it is on
 * the PATH), {@code osascript} on macOS. The command is looked up and run on the background executor, never on
 * the FX thread; a failing command is logged and the notice is lost, as a dismissed popup would be.
 */
public final class CommandOsNotifier implements OsNotifier {
    private static final Logger LOG = Logger.getLogger(CommandOsNotifier.class.getName());
    private static final long WAIT_SECONDS = 10;

    private final Executor background;
    private final String osName;
    private volatile Path program;
    /** A desktop without a notification daemon fails every time: said once, then only at FINE. */
    private volatile boolean warned;

    /**
     * @param path the PATH to look for the command on (the environment's PATH); the look-up runs in the background
     */
    public CommandOsNotifier(String osName, String path, Executor background) {
        this.osName = osName == null ? "" : osName;
        this.background = background;
        background.execute(() -> program = find(this.osName, path).orElse(null));
    }

    @Override
    public boolean available() {
        return program != null;
    }

    @Override
    public void show(String title, String text, boolean failure) {
        Path p = program;
        if (p == null) {
            throw new IllegalStateException("no notification command found");
        }
        List<String> command = command(osName, p, title, text, failure);
        background.execute(() -> run(command));
    }

    /** The program to run for this OS, if it is installed. */
    static Optional<Path> find(String osName, String path) {
        String name = isMac(osName) ? "osascript" : isWindows(osName) ? null : "notify-send";
        if (name == null || path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The command line that shows one notification. */
    static List<String> command(String osName, Path program, String title, String text, boolean failure) {
        List<String> c = new ArrayList<>();
        c.add(program.toString());
        if (isMac(osName)) {
            c.add("-e");
            c.add("display notification \"" + appleScriptString(text) + "\" with title \"Reelwatch\" subtitle \""
                    + appleScriptString(title) + "\"");
        } else {
            c.add("--app-name=Reelwatch");
            c.add("--urgency=" + (failure ? "critical" : "normal"));
            c.add("--icon=" + (failure ? "dialog-error" : "video-x-generic"));
            // notify-send reads markup in the body: a prompt's "<" or "&" must arrive as written.
            c.add(title);
            c.add(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
        return c;
    }

    private void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroy();
                LOG.warning("the notification command did not finish: " + command.get(0));
            } else if (p.exitValue() != 0) {
                LOG.log(warned ? Level.FINE : Level.WARNING, "the notification command failed with exit code "
                        + p.exitValue() + ": " + command.get(0));
                warned = true;
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot run the notification command " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String appleScriptString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace('\n', ' ');
    }

    private static boolean isMac(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }

    private static boolean isWindows(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
