package dev.reelwatch.app;

/** Names and version of the app, in one place. */
public final class AppInfo {
    public static final String ID = "dev.reelwatch.Reelwatch";
    public static final String NAME = "Reelwatch";

    private AppInfo() {
    }

    public static String version() {
        String v = AppInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
