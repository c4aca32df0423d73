package dev.reelwatch.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one port for dialogs: ViewModels and Views ask through it, and its FX implementation owns the owner
 * window, centring, sizing, Esc and the theme. No other class creates an Alert or a Dialog.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String details, String confirmLabel);

    /** Asks for one line of text, pre-filled with {@code initial}; empty when cancelled. */
    Optional<String> askText(String title, String message, String initial);

    /** Shows a problem with its full, selectable details (may be empty). */
    void showError(String title, String message, String details);

    /** Shows a plain message. */
    void showInfo(String title, String message);

    /** Lets the user pick a folder, starting at {@code initial} when it exists. */
    Optional<Path> chooseFolder(String title, Path initial);

    /** Lets the user pick an existing file; {@code extensions} like "*.csv" (none: any file). */
    Optional<Path> chooseFile(String title, Path initial, List<String> extensions);

    /** Lets the user name a file to write, pre-filled with {@code suggestedName}. */
    Optional<Path> chooseSaveFile(String title, Path initialFolder, String suggestedName, List<String> extensions);
}
