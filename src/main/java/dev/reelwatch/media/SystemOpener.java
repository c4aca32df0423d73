package dev.reelwatch.media;

import java.awt.Desktop;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Opens files and folders with the desktop's own programs: java.awt.Desktop where it works, otherwise
 * {@code xdg-open} / {@code open} / {@code explorer}. Always off the calling thread (never blocks the UI).
 */
public final class SystemOpener {
    private final Executor background;
    private final String osName;
    private final Launcher launcher;

    /** Starts a program; the seam tests use to see which command would run. */
    @FunctionalInterface
    public interface Launcher {
        void launch(List<String> command) throws IOException;
    }

    public SystemOpener(Executor background, String osName) {
        this(background, osName, command -> new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    public SystemOpener(Executor background, String osName, Launcher launcher) {
        this.background = background;
        this.osName = osName == null ? "" : osName;
        this.launcher = launcher;
    }

    /** Opens the file in its default application (for a video: the system's player). */
    public CompletableFuture<Void> open(Path file) {
        return CompletableFuture.runAsync(() -> run(file, false), background);
    }

    /** Shows the folder holding {@code file} in the file manager (selecting it where the OS can). */
    public CompletableFuture<Void> reveal(Path file) {
        return CompletableFuture.runAsync(() -> run(file, true), background);
    }

    /** Opens a web address in the browser (or the system player, for a video link). */
    public CompletableFuture<Void> browse(java.net.URI uri) {
        return CompletableFuture.runAsync(() -> {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("only web addresses are opened, not " + uri);
            }
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(uri);
                    return;
                }
                String os = osName.toLowerCase(Locale.ROOT);
                launcher.launch(os.startsWith("windows") ? List.of("explorer", uri.toString())
                        : os.startsWith("mac") ? List.of("open", uri.toString()) : List.of("xdg-open", uri.toString()));
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                throw new IllegalStateException("Could not open " + uri + ": " + e.getMessage(), e);
            }
        }, background);
    }

    private void run(Path file, boolean reveal) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist any more");
        }
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()) {
                Desktop desktop = Desktop.getDesktop();
                if (reveal && desktop.isSupported(Desktop.Action.BROWSE_FILE_DIR)) {
                    desktop.browseFileDirectory(file.toFile());
                    return;
                }
                File target = reveal ? folderOf(file).toFile() : file.toFile();
                if (desktop.isSupported(Desktop.Action.OPEN)) {
                    desktop.open(target);
                    return;
                }
            }
            launcher.launch(command(osName, file, reveal));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new IllegalStateException("Could not open " + file + ": " + e.getMessage(), e);
        }
    }

    /** The command that opens (or reveals) {@code file} on the named OS. */
    public static List<String> command(String osName, Path file, boolean reveal) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return reveal ? List.of("explorer", "/select," + file) : List.of("explorer", file.toString());
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return reveal ? List.of("open", "-R", file.toString()) : List.of("open", file.toString());
        }
        return List.of("xdg-open", (reveal ? folderOf(file) : file).toString());
    }

    private static Path folderOf(Path file) {
        return Files.isDirectory(file) ? file : file.toAbsolutePath().getParent();
    }
}
