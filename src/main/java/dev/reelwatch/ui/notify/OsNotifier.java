package dev.reelwatch.ui.notify;

/** The operating system's own notifications, for when the window is in the background. */
public interface OsNotifier {

    /** Whether the platform has a notification command Reelwatch can use (known without blocking). */
    boolean available();

    /** Shows a notification; returns at once, the command runs off the FX thread. */
    void show(String title, String text, boolean failure);

    /** No OS notifications: everything is shown in the window. */
    OsNotifier NONE = new OsNotifier() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void show(String title, String text, boolean failure) {
            throw new IllegalStateException("no OS notifications on this platform");
        }
    };
}
