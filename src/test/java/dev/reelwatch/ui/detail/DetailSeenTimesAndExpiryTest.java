package dev.reelwatch.ui.detail;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ExpirySource;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detail pane says whose a time is: an expiry stated by the provider or inferred by Reelwatch, "link expired"
 * only once a server said so, and Reelwatch's own first-seen/seen-finished times where the provider gave none.
 */
class DetailSeenTimesAndExpiryTest {
    private static final Instant T0 = Instant.parse("2026-03-03T14:00:00Z");

    @TempDir
    Path dir;
    private Database db;
    private SqliteTaskStore tasks;
    private AdjustableClock clock;
    private long meshId;
    private long mptId;
    private DetailViewModel model;

    @BeforeEach
    void openCache() {
        clock = new AdjustableClock(T0);
        db = Database.open(dir.resolve("cache.db"));
        tasks = new SqliteTaskStore(db, clock);
        SqliteAccountStore accounts = new SqliteAccountStore(db);
        meshId = accounts.add(new Account(0, ProviderKind.MESHAPI, "studio", URI.create("https://api.meshapi.ai"),
                CredentialRef.credentialsFile("studio"), true, false)).id();
        mptId = accounts.add(new Account(0, ProviderKind.MONEYPRINTERTURBO, "desk", URI.create("http://127.0.0.1:8080"),
                CredentialRef.none(), true, false)).id();
        model = new DetailViewModel(tasks, new StoreChangeRelay(tasks, UiThread.direct()), clock,
                dev.reelwatch.ui.fixtures.TestExecutors.direct());
    }

    @AfterEach
    void close() {
        model.close();
        db.close();
    }

    private long store(long accountId, Task t) {
        tasks.upsert(accountId, List.of(t.withAccountId(accountId)));
        return tasks.find(accountId, t.providerTaskId()).orElseThrow().id();
    }

    private static TaskOutput video(int index, Instant expires, ExpirySource source) {
        return new TaskOutput(index, "https://cdn.example/" + index + ".mp4", OutputKind.VIDEO, expires, null, null,
                "video/mp4", false, source, null);
    }

    private Map<String, String> fields() {
        return model.fields().stream().collect(Collectors.toMap(DetailField::label, DetailField::value, (a, b) -> a));
    }

    @Test
    void anInferredExpiryIsLabelledAndPastItIsAWarningNotAVerdict() {
        Instant inferred = T0.plus(Duration.ofHours(2));
        long id = store(meshId, Task.builder("cgt-1", TaskStatus.SUCCEEDED).createdAt(T0.minusSeconds(60))
                .outputs(List.of(video(0, inferred, ExpirySource.INFERRED), video(1, inferred, ExpirySource.PROVIDER)))
                .build());
        model.taskIdProperty().set(id);

        OutputRow guessed = model.outputs().get(0);
        OutputRow stated = model.outputs().get(1);
        assertEquals("expiry inferred", guessed.expirySourceText());
        assertEquals("expiry stated by the provider", stated.expirySourceText());
        assertEquals("link probably expires in 2 h (inferred, not stated by the provider)",
                guessed.expiryTextProperty().get());
        assertEquals("link expires in 2 h", stated.expiryTextProperty().get());

        clock.advance(Duration.ofHours(5));
        model.refreshCountdowns();
        assertEquals("link may have expired 3 h ago (inferred; Reelwatch still tries it)",
                guessed.expiryTextProperty().get());
        assertEquals(ExpiryUrgency.SOON, guessed.urgencyProperty().get(), "a warning, not 'expired'");
        assertEquals(ExpiryUrgency.EXPIRED, stated.urgencyProperty().get());
        assertTrue(model.timeline().stream().noneMatch(e -> e.title().startsWith("Link expired")),
                "no server has said so: the timeline records no expiry");
    }

    @Test
    void onlyAServersAnswerPutsLinkExpiredOnTheOutputAndInTheTimeline() {
        long id = store(meshId, Task.builder("cgt-2", TaskStatus.SUCCEEDED).createdAt(T0.minusSeconds(60))
                .outputs(List.of(video(0, T0.plus(Duration.ofHours(2)), ExpirySource.INFERRED))).build());
        StoredOutput o = tasks.byId(id).orElseThrow().outputs().get(0);
        clock.advance(Duration.ofMinutes(10));
        tasks.updateArchive(o.id(), ArchiveState.LINK_EXPIRED, null, null, null, null,
                "The link no longer works: the server answered HTTP 403, so it has expired on the provider's side.");

        model.taskIdProperty().set(id);

        OutputRow row = model.outputs().get(0);
        assertEquals("the server says the link is gone", row.expiryTextProperty().get(),
                "even though the inferred time is still ahead");
        assertEquals(ExpiryUrgency.EXPIRED, row.urgencyProperty().get());
        assertTrue(row.archiveText().startsWith("Link expired before archiving: The link no longer works: the server"
                + " answered HTTP 403"), row.archiveText());
        TimelineEntry last = model.timeline().get(model.timeline().size() - 1);
        assertEquals("Link expired (Video 1): the server refused it", last.title());
        assertEquals("2026-03-03 14:10:00", last.time().substring(0, 19));
        assertEquals("+10 min", last.gap());
    }

    @Test
    void aMoneyPrinterTaskShowsReelwatchsOwnTimesLabelledAndItsFailedStage() {
        Task running = Task.builder("mpt-1", TaskStatus.RUNNING).providerStatus("4").progress(20).build();
        long id = store(mptId, running);
        clock.advance(Duration.ofMinutes(4));
        store(mptId, running.toBuilder().status(TaskStatus.FAILED).providerStatus("-1")
                .error(new TaskError("materials", "failed to generate video: no video materials found"))
                .parameter("failed_stage", "materials").build());
        clock.advance(Duration.ofHours(3));

        model.taskIdProperty().set(id);

        Map<String, String> f = fields();
        assertEquals("not given by the provider · first seen 3 h ago (2026-03-03 14:00:00, Reelwatch's clock)",
                f.get("Created"));
        assertEquals("not given by the provider · seen finished 3 h ago (2026-03-03 14:04:00, Reelwatch's clock)",
                f.get("Completed"));
        assertEquals("about 4 min, from first seen to seen finished (Reelwatch's clock)", f.get("Took (observed)"));
        assertTrue(model.failedProperty().get());
        assertEquals("Failed at stage: materials", model.errorCodeProperty().get());
        assertEquals("failed to generate video: no video materials found", model.errorMessageProperty().get());
    }

    @Test
    void aProviderTimeIsShownAsItIsWithoutSeenLabels() {
        long id = store(meshId, Task.builder("cgt-3", TaskStatus.SUCCEEDED).createdAt(T0.minusSeconds(600))
                .completedAt(T0.minusSeconds(60)).build());
        model.taskIdProperty().set(id);

        Map<String, String> f = fields();
        assertEquals("2026-03-03 13:50:00", f.get("Created"));
        assertFalse(f.containsKey("Took (observed)"));
        assertEquals("2026-03-03 14:00:00", f.get("First seen"));
    }

    @Test
    void aRefusedServerPathSaysWhyOnItsOutput() {
        long id = store(mptId, Task.builder("mpt-2", TaskStatus.SUCCEEDED).outputs(List.of(TaskOutput.refused(0,
                "/tasks/mpt-2/../../x.mp4", OutputKind.VIDEO, "video/mp4", "its \"..\" segments lead out of the"
                        + " task's folder"))).build());
        model.taskIdProperty().set(id);

        OutputRow row = model.outputs().get(0);
        assertEquals("Not fetched: its \"..\" segments lead out of the task's folder", row.archiveText());
        assertEquals("/tasks/mpt-2/../../x.mp4", row.url());
        assertEquals("", row.expirySourceText());
    }
}
