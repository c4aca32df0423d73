package dev.reelwatch.cli;

import java.util.Map;

/**
 * What standard output is connected to: a person's terminal ({@code interactive}: ids may be shortened, tables
 * fitted to the width) and whether colours may be used (only on a terminal, never with {@code NO_COLOR} set).
 */
public record Terminal(boolean interactive, boolean colours) {

    /** Output to a pipe or file: full values, no colours. */
    public static Terminal pipe() {
        return new Terminal(false, false);
    }

    /** Decides from whether a console is attached and the environment (NO_COLOR, TERM=dumb). */
    public static Terminal detect(boolean consoleAttached, Map<String, String> env) {
        boolean noColour = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
        return new Terminal(consoleAttached, consoleAttached && !noColour);
    }
}
