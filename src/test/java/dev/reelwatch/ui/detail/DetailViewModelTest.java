package dev.reelwatch.ui.detail;

import dev.reelwatch.ui.common.ProblemArea;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetailViewModelTest {
    private static final Instant T0 = Instant.parse("2026-03-03T14:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SqliteTaskStore tasks;
    private AdjustableClock clock;
    private long accountId;
    private DetailViewModel model;

    @BeforeEach
    void openCache() {
        clock = new AdjustableClock(T0);
        db = Database.open(dir.resolve("cache.db"));
        tasks = new SqliteTaskStore(db, clock);
        accountId = new SqliteAccountStore(db).add(new Account(0, ProviderKind.MESHAPI, "studio",
                URI.create("https://api.meshapi.ai"), CredentialRef.credentialsFile("studio"), true, false)).id();
        model = new DetailViewModel(tasks, new StoreChangeRelay(tasks, UiThread.direct()), clock,
                TestExecutors.direct());
    }

    @AfterEach
    void close() {
        model.close();
        db.close();
    }

    private Task.Builder task(TaskStatus status) {
        return Task.builder("cgt-2026-a1", status).accountId(accountId)
                .prompt("A paper boat drifting down a rainy street\nslow dolly in")
                .model("seedance-1-0-pro").createdAt(T0.minusSeconds(60)).resolution("1920x1080")
                .aspectRatio("16:9").fps(24.0).seed(42L).rawJson("{\"id\":\"cgt-2026-a1\",\"status\":\"" + status.wireName() + "\"}");
    }

    private long store(Task t) {
        tasks.upsert(accountId, List.of(t));
        return tasks.find(accountId, t.providerTaskId()).orElseThrow().id();
    }

    @Test
    void nothingSelectedShowsTheEmptyState() {
        assertEquals(DetailState.EMPTY, model.stateProperty().get());
        store(task(TaskStatus.RUNNING).build());
        model.taskIdProperty().set(null);
        assertEquals(DetailState.EMPTY, model.stateProperty().get());
        assertTrue(model.fields().isEmpty());
    }

    @Test
    void selectingATaskShowsItsPromptFieldsAndParameters() {
        long id = store(task(TaskStatus.SUCCEEDED).cost(Cost.tokens(1500))
                .parameter("camera_fixed", "false").build());

        model.taskIdProperty().set(id);

        assertEquals(DetailState.SHOWN, model.stateProperty().get());
        assertEquals("A paper boat drifting down a rainy street\nslow dolly in", model.promptProperty().get());
        assertEquals("A paper boat drifting down a rainy street", model.titleProperty().get());
        assertEquals("MeshAPI · studio · cgt-2026-a1", model.subtitleProperty().get());
        assertEquals("1500 tokens", model.costProperty().get());
        assertEquals("seedance-1-0-pro", value("Model"));
        assertEquals("1920x1080", value("Resolution"));
        assertEquals("24", value("Frame rate"));
        assertEquals("42", value("Seed"));
        assertEquals("2026-03-03 13:59:00", value("Created"));
        assertEquals("false", value("camera_fixed"));
        assertTrue(model.fieldsAsText().contains("Seed: 42\n"));
        assertTrue(model.rawJsonProperty().get().contains("\n"), "raw JSON is pretty-printed");
        assertTrue(model.rawJsonProperty().get().contains("\"status\" : \"succeeded\""));
        assertFalse(model.failedProperty().get());
    }

    private String value(String label) {
        return model.fields().stream().filter(f -> f.label().equals(label)).findFirst()
                .map(DetailField::value).orElse("<none>");
    }

    @Test
    void timelineListsObservedStatusChangesWithTimesAndGaps() {
        long id = store(task(TaskStatus.QUEUED).build());
        clock.advance(Duration.ofSeconds(42));
        store(task(TaskStatus.RUNNING).providerStatus("running").progress(30).build());
        clock.advance(Duration.ofMinutes(3));
        store(task(TaskStatus.SUCCEEDED).build());

        model.taskIdProperty().set(id);

        List<TimelineEntry> t = model.timeline();
        assertEquals(3, t.size());
        assertEquals("Queued (first seen)", t.get(0).title());
        assertEquals("2026-03-03 14:00:00", t.get(0).time());
        assertEquals("", t.get(0).gap());
        assertEquals(TaskStatus.RUNNING, t.get(1).status());
        assertEquals("+42 s", t.get(1).gap());
        assertEquals("Succeeded", t.get(2).title());
        assertEquals("+3 min", t.get(2).gap());
    }

    @Test
    void storeChangesOfTheShownTaskRefreshThePane() {
        long id = store(task(TaskStatus.RUNNING).progress(10).build());
        model.taskIdProperty().set(id);
        assertEquals("Running · 10%", model.statusTextProperty().get());

        store(task(TaskStatus.FAILED).error(new TaskError("OutputVideoSensitiveContentDetected",
                "The generated video may contain sensitive content.")).build());

        assertEquals(TaskStatus.FAILED, model.statusProperty().get());
        assertTrue(model.failedProperty().get());
        assertEquals("OutputVideoSensitiveContentDetected", model.errorCodeProperty().get());
        assertEquals("The generated video may contain sensitive content.", model.errorMessageProperty().get());
        assertEquals(2, model.timeline().size());
    }

    @Test
    void taskGoneFromProviderShowsTheNotice() {
        long id = store(task(TaskStatus.SUCCEEDED).build());
        model.taskIdProperty().set(id);
        assertFalse(model.goneFromProviderProperty().get());

        tasks.markGoneFromProvider(accountId, List.of("cgt-2026-a1"));

        assertTrue(model.goneFromProviderProperty().get());
    }

    @Test
    void taskRemovedFromHistoryShowsMissing() {
        long id = store(task(TaskStatus.SUCCEEDED).build());
        model.taskIdProperty().set(id);

        tasks.removeFromHistory(List.of(id));

        assertEquals(DetailState.MISSING, model.stateProperty().get());
    }

    @Test
    void outputCountdownFollowsTheClockAndTurnsUrgentUnderAnHour() {
        Instant expires = T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(12));
        long id = store(task(TaskStatus.SUCCEEDED).outputs(List.of(new TaskOutput(0, "https://cdn.example/v.mp4",
                OutputKind.VIDEO, expires, 2_516_582L, null, "video/mp4", false))).build());
        model.taskIdProperty().set(id);
        OutputRow row = model.outputs().get(0);
        assertEquals("Video 1 · video/mp4 · 2.4 MB", row.title());
        assertEquals("link expires in 3 h 12 min", row.expiryTextProperty().get());
        assertEquals(ExpiryUrgency.LATER, row.urgencyProperty().get());

        clock.advance(Duration.ofHours(2).plusMinutes(30));
        model.refreshCountdowns();
        assertEquals("link expires in 42 min", row.expiryTextProperty().get());
        assertEquals(ExpiryUrgency.SOON, row.urgencyProperty().get());

        clock.advance(Duration.ofHours(2));
        model.refreshCountdowns();
        assertEquals("link expired 1 h 18 min ago", row.expiryTextProperty().get());
        assertEquals(ExpiryUrgency.EXPIRED, row.urgencyProperty().get());
    }

    @Test
    void archiveStatesReadAsPlainWords() {
        List<TaskOutput> outs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outs.add(TaskOutput.video(i, "https://cdn.example/" + i + ".mp4"));
        }
        long id = store(task(TaskStatus.SUCCEEDED).outputs(outs).build());
        List<StoredOutput> stored = tasks.byId(id).orElseThrow().outputs();
        tasks.updateArchive(stored.get(0).id(), ArchiveState.ARCHIVED, dir.resolve("a.mp4").toString(), 1_048_576L,
                "ab", null, null);
        tasks.updateArchive(stored.get(1).id(), ArchiveState.DOWNLOADING, null, null, null, 37, null);
        tasks.updateArchive(stored.get(2).id(), ArchiveState.FAILED, null, null, null, null, "disk full");
        tasks.updateArchive(stored.get(3).id(), ArchiveState.LINK_EXPIRED, null, null, null, null, null);

        model.taskIdProperty().set(id);

        assertEquals(List.of("Archived · 1.0 MB", "Downloading 37%", "Archiving failed: disk full",
                "Link expired before archiving"), model.outputs().stream().map(OutputRow::archiveText).toList());
        assertEquals("link does not expire", model.outputs().get(0).expiryTextProperty().get());
    }

    @Test
    void readsRunOnTheBackgroundExecutorAndAStaleReadIsDropped() {
        long first = store(task(TaskStatus.SUCCEEDED).build());
        long second = store(Task.builder("other", TaskStatus.QUEUED).accountId(accountId).prompt("second").build());
        List<Runnable> queued = new ArrayList<>();
        Executor later = queued::add;
        DetailViewModel slow = new DetailViewModel(tasks, new StoreChangeRelay(tasks, UiThread.direct()), clock,
                TaskExecutor.handOff(later, UiThread.direct(), TestExecutors.FAIL));

        slow.taskIdProperty().set(first);
        assertEquals(DetailState.LOADING, slow.stateProperty().get());
        slow.taskIdProperty().set(second);
        queued.get(1).run();
        queued.get(0).run();

        assertEquals("second", slow.promptProperty().get());
        slow.close();
    }

    @Test
    void aFailedReadGoesToTheProblemAreaAndThePaneDoesNotStayLoading() {
        long id = store(task(TaskStatus.SUCCEEDED).build());
        ProblemArea problems = new ProblemArea();
        DetailViewModel failing = new DetailViewModel(tasks, new StoreChangeRelay(tasks, UiThread.direct()), clock,
                TaskExecutor.direct(problems));
        db.close();

        failing.taskIdProperty().set(id);

        assertEquals(DetailState.MISSING, failing.stateProperty().get(), "not left on Loading…");
        assertEquals("Reading the task for the detail pane", problems.current().orElseThrow().what());
        assertFalse(problems.current().orElseThrow().details().isBlank(), "the details say where it failed");
        failing.close();
    }
}
