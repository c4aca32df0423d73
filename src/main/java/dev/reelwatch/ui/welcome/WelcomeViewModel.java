package dev.reelwatch.ui.welcome;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.TaskExecutor;

/**
 * The first-run screen's two ways in: add a real account, or explore with demo data (started in the background,
 * with a busy state and a readable error if it fails).
 */
public final class WelcomeViewModel {
    private final Runnable addAccount;
    private final DemoLauncher demo;
    private final Runnable demoStarted;
    private final TaskExecutor executor;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.welcome.messages");
    private final ReadOnlyBooleanWrapper startingDemo = new ReadOnlyBooleanWrapper(this, "startingDemo");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param addAccount  opens the accounts dialog for a new account (called on the UI thread)
     * @param demo        starts demo mode (called off the FX thread)
     * @param demoStarted called on the UI thread once the demo runs (e.g. to switch to the main view)
     */
    public WelcomeViewModel(Runnable addAccount, DemoLauncher demo, Runnable demoStarted, TaskExecutor executor) {
        this.addAccount = addAccount;
        this.demo = demo;
        this.demoStarted = demoStarted;
        this.executor = executor;
    }

    public ReadOnlyBooleanProperty startingDemoProperty() {
        return startingDemo.getReadOnlyProperty();
    }

    /** Why the demo could not start, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void addAccount() {
        error.set("");
        addAccount.run();
    }

    public void exploreDemo() {
        if (startingDemo.get()) {
            return;
        }
        startingDemo.set(true);
        error.set("");
        BackgroundTask.wrap(demo::launch)
                .describedAs("Starting the demo")
                .onSuccess(done -> demoStarted.run())
                .onFailure(e -> error.set(MessageFormat.format(text.getString("demo.failed"),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())))
                .onFinished(() -> startingDemo.set(false))
                .executeWith(executor);
    }
}
