package dev.reelwatch.ui.welcome;

/**
 * Starts demo mode (the built-in simulators and their demo accounts). Implemented by the composition root;
 * called on a background thread. Throws with a message a person understands when the demo cannot start.
 */
@FunctionalInterface
public interface DemoLauncher {
    void launch() throws Exception;
}
