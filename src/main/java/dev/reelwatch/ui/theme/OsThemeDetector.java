package dev.reelwatch.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the desktop whether it is dark: GNOME's colour scheme or GTK theme on Linux, AppsUseLightTheme on
 * Windows, AppleInterfaceStyle on macOS. Each probe is a short external command with a timeout.
 */
public final class OsThemeDetector implements SystemTheme {
    private final String osName;
    private final Map<String, String> environment;
    private final Duration timeout;

    public OsThemeDetector() {
        this(System.getProperty("os.name", ""), System.getenv(), Duration.ofSeconds(2));
    }

    OsThemeDetector(String osName, Map<String, String> environment, Duration timeout) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    @Override
    public Optional<Boolean> prefersDark() {
        if (osName.contains("win")) {
            return run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"))
                    .map(out -> out.contains("0x0"));
        }
        if (osName.contains("mac")) {
            // The key is absent in light mode, so the command fails: that means light.
            return Optional.of(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.toLowerCase(Locale.ROOT).contains("dark")).orElse(false));
        }
        String gtkTheme = environment.getOrDefault("GTK_THEME", "");
        if (!gtkTheme.isEmpty()) {
            return Optional.of(gtkTheme.toLowerCase(Locale.ROOT).contains("dark"));
        }
        Optional<String> scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent() && scheme.get().contains("dark")) {
            return Optional.of(true);
        }
        Optional<String> theme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        if (theme.isPresent()) {
            return Optional.of(theme.get().toLowerCase(Locale.ROOT).contains("dark"));
        }
        return scheme.map(s -> false);
    }

    private Optional<String> run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
                return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
