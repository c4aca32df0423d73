package dev.reelwatch.ui.preview;

import javafx.application.Application;

/** Starts {@link PanelsPreview} from the class path (a main class extending Application would need modules). */
public final class PanelsPreviewLauncher {
    private PanelsPreviewLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(PanelsPreview.class, args);
    }
}
