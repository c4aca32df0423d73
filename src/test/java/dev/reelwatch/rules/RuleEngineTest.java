package dev.reelwatch.rules;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.media.ArchiveOptions;
import dev.reelwatch.media.DiskSpace;
import dev.reelwatch.media.FileDownloader;
import dev.reelwatch.media.OutputArchiver;
import dev.reelwatch.media.VideoExporter;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.sim.AdjustableClock;
import dev.reelwatch.sim.DemoClips;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.SimOutcome;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.Rule;
import dev.reelwatch.store.RuleActions;
import dev.reelwatch.store.RuleConditions;
import dev.reelwatch.store.RuleFiring;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.SqliteRuleStore;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskEvent;
import dev.reelwatch.store.TaskSummary;
import dev.reelwatch.sync.ClientFactory;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule engine over a real cache, fed by the real poller against the MeshAPI simulator. */
class RuleEngineTest {
    private static final String KEY = "sk-rules";
    private static final Instant T0 = Instant.parse("2026-11-23T18:00:00Z");

    @TempDir
    Path temp;
    final AdjustableClock clock = new AdjustableClock(T0);
    final HttpClient http = HttpTransport.newHttpClient(Duration.ofSeconds(2));
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final List<RuleActivity> activity = new CopyOnWriteArrayList<>();
    Database db;
    SqliteTaskStore tasks;
    SqliteAccountStore accounts;
    SqliteSettingsStore settings;
    SqliteRuleStore rules;
    MeshApiSimulator mesh;
    Account studio;
    PollingSyncService poller;
    RuleEngine engine;

    @BeforeEach
    void setUp() {
        db = Database.open(temp.resolve("reelwatch.db"));
        tasks = new SqliteTaskStore(db, clock);
        accounts = new SqliteAccountStore(db);
        settings = new SqliteSettingsStore(db);
        rules = new SqliteRuleStore(db, clock);
        mesh = new MeshApiSimulator(clock, KEY, List.of(
                sim("old", "An old red fox", T0.minus(Duration.ofDays(2)), Duration.ofSeconds(20)),
                sim("ok", "Paper boats on a rainy street", T0.minusSeconds(1), Duration.ofSeconds(20))));
        mesh.setIncludePrompt(true);
        mesh.start();
        studio = accounts.add(new Account(0, ProviderKind.MESHAPI, "studio", mesh.baseUrl(),
                CredentialRef.credentialsFile("studio"), true, false));
        poller = new PollingSyncService(accounts, tasks, settings, clients(), clock, SyncSettings.defaults());
        OutputArchiver archiver = new OutputArchiver(tasks, accounts, settings, clients(),
                new FileDownloader(http, "Reelwatch/test", Duration.ofSeconds(5), DiskSpace.system(), clock),
                new VideoArchive(temp.resolve("data")), new ArchiveOptions(1, 2, Duration.ofMillis(10),
                Duration.ofSeconds(1)));
        engine = new RuleEngine(rules, tasks, RuleExporter.over(VideoExporter.over(archiver), settings,
                ZoneOffset.UTC), Runnable::run, ArchiveOptions.defaults(), pauses::add, activity::add);
        engine.attach();
    }

    @AfterEach
    void tearDown() {
        poller.close();
        mesh.close();
        db.close();
    }

    private static SimTask sim(String id, String prompt, Instant created, Duration runFor) {
        return new SimTask(id, prompt, "seedance-1-0-pro", created, Duration.ofSeconds(4), runFor,
                SimOutcome.SUCCEEDED, "aurora", null, null, 1, "1280x720", "16:9", 3, 24, 10);
    }

    private ClientFactory clients() {
        ProviderClients clients = new ProviderClients(new HttpTransport(http, "Reelwatch/test", Duration.ofSeconds(5),
                HttpTransport.DEFAULT_MAX_BODY_BYTES, clock));
        return account -> clients.create(account, KEY);
    }

    private Rule addRule(String name, RuleConditions conditions, RuleActions actions) {
        return rules.add(Rule.draft(name, true, EnumSet.of(TaskStatus.SUCCEEDED), conditions, actions));
    }

    /** Lets the poller work until "ok" has succeeded on the simulated clock. */
    private void pollUntilFinished() {
        for (int i = 0; i < 30 && status("ok") != TaskStatus.SUCCEEDED; i++) {
            poller.runDuePasses();
            clock.advance(Duration.ofSeconds(5));
        }
        assertEquals(TaskStatus.SUCCEEDED, status("ok"));
    }

    private TaskStatus status(String id) {
        return tasks.find(studio.id(), id).map(t -> t.task().status()).orElse(null);
    }

    private StoredTask task(String id) {
        return tasks.find(studio.id(), id).orElseThrow();
    }

    private List<String> notes(String id) {
        return tasks.timeline(task(id).id()).stream().filter(TaskEvent::isNote).map(TaskEvent::detail).toList();
    }

    @Test
    void firesOnceFromThePollerWhenATaskChangesIntoItsStatus() {
        addRule("client A", new RuleConditions(null, null, null, "BOATS", null),
                new RuleActions(List.of("Client-A"), true, null, null, null));

        pollUntilFinished();

        StoredTask ok = task("ok");
        assertEquals(List.of("client-a"), ok.tags());
        assertTrue(ok.starred());
        assertEquals(List.of("rule 'client A': tagged client-a, starred"), notes("ok"));
        assertTrue(task("old").tags().isEmpty(), "the prompt condition keeps the fox out");

        // The user takes the tag off; later passes and changes never fire the rule again for this task.
        tasks.removeTag(ok.id(), "client-a");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(5));
            poller.runDuePasses();
        }
        tasks.setNote(ok.id(), "done by hand");
        assertTrue(task("ok").tags().isEmpty());
        assertEquals(1, notes("ok").size());
        assertEquals(1, rules.firedCounts().get(rules.byName("client a").orElseThrow().id()));
    }

    @Test
    void aTaskFirstSeenAlreadyFinishedFiresToo() {
        addRule("all done", RuleConditions.any(), new RuleActions(List.of("seen-done"), false, null, null, null));

        poller.runDuePasses();

        assertEquals(List.of("seen-done"), task("old").tags(), "first seen in the rule's status");
    }

    @Test
    void tasksFinishedBeforeTheRuleAreLeftToRulesRunWhichDryRunsAndAppliesOnce() {
        poller.runDuePasses();
        pollUntilFinished();
        clock.advance(Duration.ofSeconds(1));
        Rule rule = addRule("archive all", RuleConditions.any(), new RuleActions(List.of("kept"), false, null, null,
                null));
        poller.runDuePasses();
        tasks.setNote(task("old").id(), "touching it is no status change");
        assertTrue(task("old").tags().isEmpty(), "no change of status since the rule was made: nothing fired");

        List<RulePlan> planned = engine.run(null, true);
        assertEquals(Set.of("old", "ok"), Set.copyOf(planned.stream().map(p -> p.task().providerTaskId()).toList()));
        assertEquals("tag kept", planned.get(0).actions());
        assertTrue(task("old").tags().isEmpty(), "a dry run changes nothing");
        assertEquals(0, rules.firedCounts().getOrDefault(rule.id(), 0));

        assertEquals(2, engine.run(null, false).size());
        assertEquals(List.of("kept"), task("old").tags());
        assertEquals(List.of("kept"), task("ok").tags());
        assertEquals(List.of(), engine.run(null, false), "each task once");
    }

    @Test
    void exportActionArchivesThenExportsUnderTheTemplateNeverOverwriting() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client-a"));
        Path taken = Files.writeString(folder.resolve("studio_ok.mp4"), "someone else's file");
        addRule("deliver", new RuleConditions("STUDIO", ProviderKind.MESHAPI, "seedance", "boats", null),
                new RuleActions(List.of(), false, folder.toString(), "{account}_{id}.mp4", null));

        pollUntilFinished();

        Path written = folder.resolve("studio_ok (2).mp4");
        assertArrayEquals(new DemoClips().bytes("aurora"), Files.readAllBytes(written));
        assertEquals("someone else's file", Files.readString(taken));
        assertEquals(List.of("rule 'deliver': exporting to " + folder, "rule 'deliver': exported to " + written),
                notes("ok"));
        assertTrue(task("ok").localFile().isPresent(), () -> "archived into the library first: " + task("ok").outputs());
        assertTrue(rules.unfinishedExports().isEmpty());
    }

    @Test
    void aFailedExportIsRetriedWithTheArchiveBackoffShownAndTakenUpAgainByRulesRun() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("gone-soon"));
        addRule("deliver", new RuleConditions(null, null, null, "boats", null),
                new RuleActions(List.of(), false, folder.toString(), null, null));
        Files.delete(folder);

        pollUntilFinished();

        ArchiveOptions archive = ArchiveOptions.defaults();
        assertEquals(List.of(archive.retryDelay(2), archive.retryDelay(3), archive.retryDelay(4)),
                pauses.subList(0, 3), "the archive's own backoff between attempts");
        List<RuleFiring> failed = rules.unfinishedExports();
        assertEquals(1, failed.size());
        assertEquals("failed", failed.get(0).exportState());
        assertTrue(notes("ok").get(notes("ok").size() - 1).contains("failed after 4 attempts"), notes("ok")::toString);
        assertTrue(activity.stream().anyMatch(RuleActivity::problem), "the failure is reported, not only logged");

        Files.createDirectories(folder);
        engine.run(null, false);
        assertTrue(rules.unfinishedExports().isEmpty(), "retried by `rules run`");
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void anInvalidDatePatternInTheStoredNameTemplateIsTheRulesExportFailureNotAnUncaughtThrow() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("client-b"));
        settings.put(dev.reelwatch.media.ExportNaming.SETTING, "{created:bb}_{id}.mp4");
        addRule("deliver", new RuleConditions(null, null, null, "boats", null),
                new RuleActions(List.of(), false, folder.toString(), null, null));

        pollUntilFinished();

        List<RuleFiring> failed = rules.unfinishedExports();
        assertEquals(1, failed.size());
        assertEquals("failed", failed.get(0).exportState());
        assertTrue(failed.get(0).exportError().startsWith("The date pattern in {created:bb}"),
                failed.get(0).exportError());
        assertTrue(activity.stream().anyMatch(a -> a.problem() && a.message().contains("{created:bb}")),
                activity::toString);
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void notificationChoicesSilenceWinsOverNotifyAndFollowRuleEdits() {
        tasks.upsert(studio.id(), List.of(Task.builder("n1", TaskStatus.FAILED).prompt("loud").build()));
        TaskSummary failed = tasks.summariesOf(List.of(task("n1").id())).get(0);
        assertEquals(Optional.empty(), engine.notificationFor(failed));
        rules.add(Rule.draft("ping", true, EnumSet.of(TaskStatus.FAILED), RuleConditions.any(),
                new RuleActions(List.of(), false, null, null, true)));
        assertEquals(Optional.of(true), engine.notificationFor(failed));
        rules.add(Rule.draft("hush", true, EnumSet.of(TaskStatus.FAILED), new RuleConditions(null, null, null, "LOUD",
                null), new RuleActions(List.of(), false, null, null, false)));
        assertEquals(Optional.of(false), engine.notificationFor(failed));
    }

    @Test
    void aDisabledRuleDoesNotFireAndReEnabledOnlyForLaterChanges() {
        Rule off = rules.add(Rule.draft("later", false, EnumSet.of(TaskStatus.SUCCEEDED), RuleConditions.any(),
                new RuleActions(List.of("x"), false, null, null, null)));
        pollUntilFinished();
        assertTrue(task("ok").tags().isEmpty());

        clock.advance(Duration.ofSeconds(1));
        rules.update(new Rule(off.id(), off.name(), true, off.when(), off.conditions(), off.actions(),
                off.createdAt(), off.activeSince()));
        tasks.upsert(studio.id(), List.of(Task.builder("new", TaskStatus.SUCCEEDED).build()));

        assertTrue(task("ok").tags().isEmpty(), "it changed while the rule was off");
        assertEquals(List.of("x"), task("new").tags());
        assertEquals(new ArrayList<>(List.of("rule 'later': tagged x")), notes("new"));
    }

    @Test
    void conditionsAreAndedAndTextIgnoresCase() {
        TaskSummary t = new TaskSummary(1, 1, "Studio", ProviderKind.HEDRA, "id", TaskStatus.SUCCEEDED, "complete",
                100, null, "A Fox in SNOW", "Kling-2", null, null, null, null, null, null, null, true, false, null,
                false, null, List.of("hero"));
        assertTrue(new RuleConditions("studio", ProviderKind.HEDRA, "kling", "fox in snow", "HERO").matches(t));
        assertFalse(new RuleConditions("studio", ProviderKind.MESHAPI, "kling", null, null).matches(t));
        assertFalse(new RuleConditions(null, null, null, "fox", "villain").matches(t));
    }
}
