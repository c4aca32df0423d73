package dev.reelwatch.ui.preview;

import dev.reelwatch.ui.common.FxDialogService;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.FxWindows;
import dev.reelwatch.ui.fixtures.TestExecutors;
import dev.reelwatch.app.ProviderConnectionTester;
import dev.reelwatch.app.demo.DemoEnvironment;
import dev.reelwatch.core.Account;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Cost;
import dev.reelwatch.core.OutputKind;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.HttpTransport;
import dev.reelwatch.provider.ProviderClients;
import dev.reelwatch.store.CredentialResolver;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteAccountStore;
import dev.reelwatch.store.PlainHttpConsent;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.sync.PollingSyncService;
import dev.reelwatch.sync.SyncSettings;
import dev.reelwatch.ui.accounts.AccountsDialog;
import dev.reelwatch.ui.accounts.AccountsViewModel;
import dev.reelwatch.ui.accounts.PlainHttpPermissions;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.detail.DetailView;
import dev.reelwatch.ui.detail.DetailViewModel;
import dev.reelwatch.ui.welcome.WelcomeView;
import dev.reelwatch.ui.welcome.WelcomeViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Not a test: shows the panels in a real window for looking at them (screenshots under Xvfb).
 * Args: screen (welcome | empty | detail | failed | seen | accounts | accounts-bad | accounts-http) and theme
 * (dark | light). "seen": a MoneyPrinterTurbo task with only Reelwatch's own times, a failed stage, an inferred
 * expiry, a link a server refused and a refused server path.
 */
public final class PanelsPreview extends Application {

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        String screen = args.isEmpty() ? "detail" : args.get(0);
        String theme = args.size() > 1 ? args.get(1) : "dark";
        Path dir = Files.createTempDirectory("panels-preview");
        Clock clock = Clock.systemDefaultZone();
        Database db = Database.open(dir.resolve("cache.db"));
        SqliteAccountStore accounts = new SqliteAccountStore(db);
        SqliteTaskStore tasks = new SqliteTaskStore(db, clock);
        SqliteSettingsStore settings = new SqliteSettingsStore(db);
        CredentialStore keys = new CredentialStore(dir.resolve("credentials.properties"));
        ProviderClients clients = new ProviderClients(HttpTransport.standard("preview", clock));
        CredentialResolver resolver = new CredentialResolver(keys, Map.of());
        PollingSyncService sync = new PollingSyncService(accounts, tasks, settings,
                a -> clients.create(a, resolver.apiKeyFor(a).orElse(null)), clock, SyncSettings.defaults());
        ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "preview-bg");
            t.setDaemon(true);
            return t;
        });
        DemoEnvironment demo = new DemoEnvironment(accounts, settings, keys, clock);

        BorderPane root = new BorderPane();
        Scene scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(PanelsPreview.class.getResource("/dev/reelwatch/ui/test-theme"
                + (theme.equals("light") ? "-light" : "") + ".css").toExternalForm());
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setTitle("Reelwatch preview");

        AccountsViewModel[] last = new AccountsViewModel[1];
        FxWindows windows = new FxWindows(() -> stage, s -> s.getStylesheets().setAll(scene.getStylesheets()));
        DialogService dialogs = new FxDialogService(windows);
        AccountsDialog dialog = new AccountsDialog(asker -> last[0] = new AccountsViewModel(accounts, keys,
                PlainHttpPermissions.of(new PlainHttpConsent(settings), () -> { }), System.getenv(),
                new ProviderConnectionTester(clients::create), sync, TestExecutors.fx(background), asker),
                windows, dialogs);
        switch (screen) {
            case "welcome" -> root.setCenter(new WelcomeView(new WelcomeViewModel(
                    () -> dialog.show(null), () -> demo.start(), () -> { }, TestExecutors.fx(background))));
            case "accounts", "accounts-bad", "accounts-http" -> {
                demo.start();
                root.setCenter(new StackPane(new Label("main window")));
                stage.show();
                Account mesh = accounts.all().get(0);
                dialog.show(screen.equals("accounts") ? mesh.id() : null);
                if (screen.equals("accounts-http")) {
                    javafx.animation.PauseTransition later =
                            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                    later.setOnFinished(e -> {
                        var ed = last[0].editor();
                        ed.kindProperty().set(dev.reelwatch.core.ProviderKind.MONEYPRINTERTURBO);
                        ed.nameProperty().set("Attic server");
                        ed.baseUrlProperty().set("http://192.168.1.20:8080");
                        ed.save();
                    });
                    later.play();
                }
                if (screen.equals("accounts-bad")) {
                    javafx.animation.PauseTransition later =
                            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                    later.setOnFinished(e -> {
                        var ed = last[0].editor();
                        ed.kindProperty().set(dev.reelwatch.core.ProviderKind.HEDRA);
                        ed.nameProperty().set("Studio");
                        ed.baseUrlProperty().set(demo.baseUrls().get(dev.reelwatch.core.ProviderKind.HEDRA).toString());
                        ed.apiKeyProperty().set("wrong-key");
                        ed.testConnection();
                    });
                    later.play();
                }
                return;
            }
            default -> {
                DetailViewModel model = new DetailViewModel(tasks, new StoreChangeRelay(tasks, UiThread.fx()), clock,
                        TestExecutors.fx(background));
                DetailView view = new DetailView(model);
                Label player = new Label("player slot (MediaHooks.createPlayer)");
                player.setMinHeight(220);
                if (!screen.equals("empty")) {
                    view.setPlayer(new StackPane(player));
                }
                root.setCenter(view);
                Label table = new Label("task table");
                table.setPrefWidth(args.contains("wide") ? 0 : 860);
                root.setLeft(table);
                if (args.contains("bottom")) {
                    javafx.animation.PauseTransition later =
                            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
                    later.setOnFinished(e -> {
                        view.lookupAll(".raw-pane").forEach(n ->
                                ((javafx.scene.control.TitledPane) n).setExpanded(args.contains("raw")));
                        javafx.animation.PauseTransition scroll =
                                new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                        scroll.setOnFinished(f -> view.lookupAll(".detail-scroll").forEach(n ->
                                ((javafx.scene.control.ScrollPane) n).setVvalue(1)));
                        scroll.play();
                    });
                    later.play();
                }
                if (!screen.equals("empty")) {
                    model.taskIdProperty().set(screen.equals("seen") ? sampleSeen(accounts, tasks, clock)
                            : sample(accounts, tasks, clock, screen.equals("failed")));
                }
            }
        }
        stage.show();
    }

    private static long sample(SqliteAccountStore accounts, SqliteTaskStore tasks, Clock clock, boolean failed) {
        Account a = accounts.add(new Account(0, dev.reelwatch.core.ProviderKind.PHASEO, "Studio",
                java.net.URI.create("https://api.phaseo.app"), dev.reelwatch.core.CredentialRef.none(), true, false));
        Instant now = clock.instant();
        Task.Builder b = Task.builder("video_68f2c1a9e4b04", TaskStatus.QUEUED).accountId(a.id())
                .prompt("A paper boat drifting down a rain-soaked Tokyo street at night, neon reflections, slow dolly in.\n"
                        + "Keep the camera low, just above the water; end on the boat passing under a red lantern.")
                .model("openai/sora-2").createdAt(now.minusSeconds(900)).resolution("1920x1080").aspectRatio("16:9")
                .fps(24.0).seed(1_204_558_117L).duration(Duration.ofSeconds(8))
                .parameter("output_access", "both").parameter("webhook.delivery", "delivered (2 attempts)")
                .parameter("quality", "high")
                .rawJson("{\"id\":\"video_68f2c1a9e4b04\",\"object\":\"video\",\"status\":\"completed\",\"model\":"
                        + "\"openai/sora-2\",\"usage\":{\"cost\":0.4},\"billing\":{\"currency\":\"USD\","
                        + "\"estimated_cost\":\"0.40\"},\"outputs\":[{\"index\":0,\"download_url\":"
                        + "\"https://cdn.phaseo.app/v/68f2c1a9e4b04/0.mp4?sig=abc\"}]}");
        tasks.upsert(a.id(), List.of(b.build()));
        tasks.upsert(a.id(), List.of(b.status(TaskStatus.RUNNING).providerStatus("in_progress").progress(40).build()));
        if (failed) {
            tasks.upsert(a.id(), List.of(b.status(TaskStatus.FAILED).providerStatus("failed").progress(60)
                    .error(new TaskError("OutputVideoSensitiveContentDetected",
                            "The generated video may contain sensitive content.")).build()));
            tasks.markGoneFromProvider(a.id(), List.of("video_68f2c1a9e4b04"));
        } else {
            tasks.upsert(a.id(), List.of(b.status(TaskStatus.SUCCEEDED).providerStatus("completed").progress(100)
                    .cost(Cost.money(new java.math.BigDecimal("0.40"), "USD"))
                    .outputs(List.of(new TaskOutput(0, "https://cdn.phaseo.app/v/68f2c1a9e4b04/0.mp4?sig=abc",
                                    OutputKind.VIDEO, now.plus(Duration.ofMinutes(192)), 2_516_582L, null, "video/mp4",
                                    false),
                            new TaskOutput(1, "https://cdn.phaseo.app/v/68f2c1a9e4b04/1.mp4?sig=def",
                                    OutputKind.VIDEO, now.plus(Duration.ofMinutes(42)), 1_916_582L, null, "video/mp4",
                                    false)))
                    .build()));
            long id = tasks.find(a.id(), "video_68f2c1a9e4b04").orElseThrow().id();
            var outs = tasks.byId(id).orElseThrow().outputs();
            tasks.updateArchive(outs.get(0).id(), ArchiveState.ARCHIVED, "/home/me/Videos/Reelwatch/a.mp4",
                    2_516_582L, "ab", null, null);
            tasks.updateArchive(outs.get(1).id(), ArchiveState.DOWNLOADING, null, null, null, 37, null);
        }
        return tasks.find(a.id(), "video_68f2c1a9e4b04").orElseThrow().id();
    }

    private static long sampleSeen(SqliteAccountStore accounts, SqliteTaskStore tasks, Clock clock) {
        Account a = accounts.add(new Account(0, dev.reelwatch.core.ProviderKind.MONEYPRINTERTURBO, "Attic server",
                java.net.URI.create("http://127.0.0.1:8080"), dev.reelwatch.core.CredentialRef.none(), true, false));
        Instant now = clock.instant();
        String id = "6c85c8cc-a77a-42b9-bc30-947815aa0558";
        Task.Builder b = Task.builder(id, TaskStatus.RUNNING).accountId(a.id()).providerStatus("4").progress(40)
                .prompt("Why lighthouses still matter: a one-minute story with calm narration.")
                .parameter("failed_stage", "video").parameter("terms", "lighthouse, coast, storm");
        tasks.upsert(a.id(), List.of(b.build()));
        tasks.upsert(a.id(), List.of(b.status(TaskStatus.FAILED).providerStatus("-1")
                .error(new TaskError("video", "failed to combine videos: ffmpeg exited with status 1"))
                .outputs(List.of(
                        new TaskOutput(0, "http://127.0.0.1:8080/tasks/" + id + "/final-1.mp4", OutputKind.VIDEO,
                                now.minus(Duration.ofHours(3)), null, null, "video/mp4", false,
                                dev.reelwatch.core.ExpirySource.INFERRED, null),
                        new TaskOutput(1, "https://cdn.example/" + id + "/combined-1.mp4", OutputKind.COMBINED_VIDEO,
                                now.plus(Duration.ofHours(20)), null, null, "video/mp4", false,
                                dev.reelwatch.core.ExpirySource.INFERRED, null),
                        TaskOutput.refused(2, "/storage/tasks/" + id + "/../../secrets/final-2.mp4", OutputKind.VIDEO,
                                "video/mp4", "MoneyPrinterTurbo reported the file \"/storage/tasks/" + id
                                        + "/../../secrets/final-2.mp4\", but its \"..\" segments lead out of the task's"
                                        + " folder; Reelwatch only fetches files inside tasks/" + id
                                        + "/ and did not request it.")))
                .build()));
        long taskId = tasks.find(a.id(), id).orElseThrow().id();
        var outs = tasks.byId(taskId).orElseThrow().outputs();
        tasks.updateArchive(outs.get(1).id(), ArchiveState.LINK_EXPIRED, null, null, null, null,
                "The link no longer works: the server answered HTTP 403, so it has expired on the provider's side.");
        return taskId;
    }
}
