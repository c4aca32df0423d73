package dev.reelwatch.ui.theme;

import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;

/**
 * Light or dark: the user's choice (remembered) and, for "System", the operating system's preference, asked
 * once in the background. Until the answer comes the light theme is used.
 */
public final class ThemeViewModel {
    static final String KEY = "ui.theme";

    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(this, "choice", ThemeChoice.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark", false);
    private boolean systemDark;

    public ThemeViewModel(SettingsWriter settings, SystemTheme system, TaskExecutor executor) {
        String stored = settings.store().get(KEY, ThemeChoice.SYSTEM.name());
        try {
            choice.set(ThemeChoice.valueOf(stored.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            choice.set(ThemeChoice.SYSTEM);
        }
        choice.addListener((obs, was, now) -> {
            settings.put(KEY, now.name());
            update();
        });
        update();
        BackgroundTask.wrap(system::prefersDark)
                .describedAs("Asking the system for its light or dark preference")
                .onSuccess(answer -> {
                    systemDark = answer.orElse(false);
                    update();
                })
                .executeWith(executor);
    }

    private void update() {
        ThemeChoice c = choice.get() == null ? ThemeChoice.SYSTEM : choice.get();
        dark.set(c == ThemeChoice.DARK || (c == ThemeChoice.SYSTEM && systemDark));
    }

    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** Whether the dark stylesheet applies now. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
