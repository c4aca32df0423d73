package dev.reelwatch.ui.detail;

import dev.reelwatch.ui.theme.ThemeStylesheets;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskQuery;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.FxThreadApplicationTest;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailViewTest extends FxThreadApplicationTest {
    private Path dir;
    private Database db;
    private ExecutorService background;
    private DetailViewModel model;
    private ListView<StoredTask> list;
    private DetailView view;
    private javafx.scene.control.Button player;

    @Override
    public void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("detail-view");
        AdjustableClock clock = new AdjustableClock(Instant.parse("2026-03-03T14:00:00Z"));
        db = Database.open(dir.resolve("cache.db"));
        SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
        long account = new SqliteAccountStore(db).add(new Account(0, ProviderKind.HEDRA, "studio",
                URI.create("https://api.hedra.com"), CredentialRef.none(), true, false)).id();
        Task.Builder failing = Task.builder("gen-1", TaskStatus.QUEUED).accountId(account)
                .prompt("A lighthouse in a storm, waves crashing").createdAt(clock.instant());
        tasks.upsert(account, List.of(failing.build()));
        clock.advance(Duration.ofSeconds(30));
        tasks.upsert(account, List.of(failing.status(TaskStatus.RUNNING).providerStatus("processing").build()));
        clock.advance(Duration.ofSeconds(90));
        tasks.upsert(account, List.of(failing.status(TaskStatus.FAILED).providerStatus("error")
                .error(new TaskError("", "Face not detected in the start frame.")).build()));
        tasks.upsert(account, List.of(Task.builder("gen-2", TaskStatus.SUCCEEDED).accountId(account)
                .prompt("Robot barista pouring latte art")
                .parameter("content[1].image_url.reference_image_for_the_last_frame", "https://example.com/f.png")
                .build()));

        background = Executors.newSingleThreadExecutor();
        model = new DetailViewModel(tasks, new StoreChangeRelay(tasks, UiThread.fx()), clock,
                TestExecutors.fx(background));
        list = new ListView<>();
        list.setId("tasks");
        list.getItems().setAll(tasks.query(TaskQuery.all()));
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(StoredTask t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.task().providerTaskId());
            }
        });
        // What the composition root does: the detail follows the selected task's id.
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                model.taskIdProperty().set(now == null ? null : now.id()));
        view = new DetailView(model);
        player = new javafx.scene.control.Button("player");
        view.setPlayer(player);
        HBox.setHgrow(view, javafx.scene.layout.Priority.ALWAYS);
        Scene scene = new Scene(new HBox(list, view), 1000, 700);
        // The app's own theme, as every window gets it: its looked-up colours resolve every lookup.
        ThemeStylesheets.apply(scene, true);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        background.shutdownNow();
        background.awaitTermination(2, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void showsTheEmptyStateUntilATaskIsSelected() {
        assertTrue(lookup("#detail-empty").query().isVisible());
        assertTrue(lookup((Label l) -> "Select a task to see its details".equals(l.getText())).tryQuery().isPresent());
    }

    @Test
    void selectingATaskShowsItsPromptTimelineAndError() throws Exception {
        clickOn("gen-1");

        waitUntil(() -> "A lighthouse in a storm, waves crashing".equals(
                        lookup("#detail-prompt").queryAs(TextArea.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        VBox timeline = lookup("#detail-timeline").queryAs(VBox.class);
        assertEquals(3, timeline.getChildren().size());
        assertTrue(lookup((Label l) -> "processing".equals(l.getText())).tryQuery().isPresent(),
                "the provider's own status word is shown beside the unified one");
        assertTrue(lookup("#detail-error").query().isVisible());
        assertEquals("Face not detected in the start frame.",
                lookup("#detail-error-message").queryAs(Label.class).getText());

        clickOn("gen-2");
        waitUntil(() -> "Robot barista pouring latte art".equals(lookup("#detail-prompt").queryAs(TextArea.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!lookup("#detail-error").query().isVisible(), "no error box for a succeeded task");
    }

    @Test
    void aNarrowPaneFitsEverySectionEvenWithLongParameterNames() throws Exception {
        interact(() -> view.setMaxWidth(340));
        clickOn("gen-2");
        waitUntil(() -> lookup("content[1].image_url.reference_image_for_the_last_frame").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.Region content = lookup(".detail-content").queryAs(javafx.scene.layout.Region.class);
        javafx.scene.Node viewport = lookup(".detail-scroll > .viewport").query();
        assertTrue(content.getWidth() <= viewport.getLayoutBounds().getWidth(),
                "content " + content.getWidth() + " fits the viewport " + viewport.getLayoutBounds().getWidth());
    }

    @Test
    void focusingThePaneHandsTheKeyboardToThePlayerOnceATaskIsShown() throws Exception {
        clickOn("gen-2");
        waitUntil(() -> lookup("#detail-prompt").query().isVisible());
        interact(view::requestFocus);
        waitUntil(player::isFocused);
    }
}
