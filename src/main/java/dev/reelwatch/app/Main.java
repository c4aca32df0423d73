package dev.reelwatch.app;

/** Entry point: with no arguments opens the desktop app, with arguments runs the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Placeholder until the composition root lands; replaced by the foundation work.
        System.out.println("Reelwatch");
    }
}
