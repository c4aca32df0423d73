package dev.reelwatch.cli;

import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code reelwatch demo}: opens the desktop app straight into demo mode — the built-in simulators of all four
 * providers on loopback, with accounts marked Demo — so Reelwatch shows real work without any account.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Opens the app with the built-in demo providers (no account needed).")
public final class DemoCommand implements Callable<Integer> {
    private final CliContext context;
    private final Consumer<Path> openDesktopInDemo;

    /** @param openDesktopInDemo opens the window over the given data directory in demo mode; returns when it closes */
    public DemoCommand(CliContext context, Consumer<Path> openDesktopInDemo) {
        this.context = Objects.requireNonNull(context, "context");
        this.openDesktopInDemo = Objects.requireNonNull(openDesktopInDemo, "openDesktopInDemo");
    }

    @Override
    public Integer call() {
        Path dataDir = context.services().dataDir();
        openDesktopInDemo.accept(dataDir);
        return 0;
    }
}
