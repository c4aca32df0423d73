package dev.reelwatch.app;

import dev.reelwatch.Reelwatch;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composed desktop app, started as a user starts `reelwatch demo`: real stores, poller and simulators. */
class DesktopAppTest {
    @TempDir
    Path dataDir;
    private Application app;
    private Stage stage;

    @AfterEach
    void tearDown() throws Exception {
        // As a user quits: the window closes first, then the application stops.
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void demoModeShowsTasksOfAllFourProvidersInTheMainWindow() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(Reelwatch.class, "--data-dir=" + dataDir, "--demo");

        assertEquals("Reelwatch", stage.getTitle());
        assertTrue(stage.isShowing());
        assertFalse(stage.getIcons().isEmpty(), "the window has the app icon");
        TableView<?> table = WaitForAsyncUtils.asyncFx(() -> (TableView<?>) stage.getScene().lookup(".table-view")).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() >= 60);
        try (Database db = Database.open(dataDir.resolve("reelwatch.db"))) {
            List<Account> accounts = new SqliteAccountStore(db).all();
            assertEquals(EnumSet.allOf(ProviderKind.class),
                    accounts.stream().filter(Account::demo).map(Account::provider)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProviderKind.class))));
        }
        assertTrue(Files.exists(dataDir.resolve("reelwatch.db")), "the cache lives in the chosen data dir");
    }

    @Test
    void panelsThatWaitForAnEventAreNotBuiltBeforeIt() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(Reelwatch.class, "--data-dir=" + dataDir, "--demo");
        TableView<?> table = WaitForAsyncUtils.asyncFx(() -> (TableView<?>) stage.getScene().lookup(".table-view")).get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() >= 60);

        // No account has failed and no batch has run: their panels' holders are in the window, empty.
        assertTrue(WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup(".account-problem-holder") != null
                && stage.getScene().lookup("#accountProblem") == null).get(), "the failing account's panel waits");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup("#bulkBar") == null).get(),
                "the batch strip waits for a batch");
    }
}
