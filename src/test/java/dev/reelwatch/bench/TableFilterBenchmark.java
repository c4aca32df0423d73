package dev.reelwatch.bench;

import dev.reelwatch.store.Database;
import dev.reelwatch.store.SqliteSettingsStore;
import dev.reelwatch.store.SqliteTaskStore;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.UiThread;
import dev.reelwatch.ui.fixtures.RecordingDialogs;
import dev.reelwatch.ui.fixtures.RecordingSyncService;
import dev.reelwatch.ui.media.MediaHooks;
import dev.reelwatch.ui.tasks.ServerTaskDeleter;
import dev.reelwatch.ui.tasks.TaskListViewModel;
import dev.reelwatch.ui.tasks.TaskRow;
import dev.reelwatch.ui.tasks.TaskTableView;
import dev.reelwatch.ui.theme.ThemeStylesheets;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Benchmark 3 as the table sees it: the same typed searches as {@link FilterLatencyBenchmark}, with the filtered
 * rows shown on screen with one row selected (so the selection and focus models and the skin listen to every
 * change), each sample timed on the FX thread from setting the search until the table has laid out its cells.
 * By default the table is the app's own {@link TaskTableView} (its columns, cells, fixed row height and
 * stylesheets); {@code plain} shows a plain {@code TableView} of three text columns instead, to tell the table's
 * own cost from that of the app's cells. Needs a display (xvfb-run).
 * Arguments: [tasks, default 100000] [rounds, default 3] [app|plain, default app]; the first round warms up and
 * is not counted.
 */
public final class TableFilterBenchmark {
    private TableFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean plain = args.length > 2 && args[2].equals("plain");
        Machine.print();
        Path dir = BenchFiles.dataDirWithCache("filter", n);
        Clock clock = Clock.systemUTC();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try (Database db = Database.open(dir.resolve("reelwatch.db"))) {
            SqliteTaskStore store = new SqliteTaskStore(db, clock);
            TaskListViewModel vm = onFx(() -> {
                TaskListViewModel model = new TaskListViewModel(store, new StoreChangeRelay(store, UiThread.direct()),
                        new RecordingSyncService(), new SettingsWriter(new SqliteSettingsStore(db), UiThread.direct()),
                        UiThread.direct(), UiThread.direct(), new RelativeTime(clock));
                model.reload();
                model.comparatorProperty().set(Comparator.comparingLong(TaskRow::createdAtMillis).reversed());
                return model;
            });
            TableView<TaskRow> table = onFx(() -> show(vm, plain));
            System.out.printf(Locale.ROOT, "%,d rows in %s%n", vm.totalCountProperty().get(),
                    plain ? "a plain TableView" : "the app's task table");
            Samples samples = new Samples();
            List<String> slow = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (String text : FilterLatencyBenchmark.TYPED) {
                    List<String> steps = new ArrayList<>();
                    for (int i = 1; i <= text.length(); i++) {
                        steps.add(text.substring(0, i));
                    }
                    for (int i = text.length() - 1; i >= 0; i--) {
                        steps.add(text.substring(0, i));
                    }
                    for (String typed : steps) {
                        double ms = type(vm, table, typed);
                        if (round > 0) {
                            samples.add(ms);
                            if (ms >= 20) {
                                slow.add(String.format(Locale.ROOT, "%8.2f ms  \"%s\" (%,d rows)", ms, typed,
                                        table.getItems().size()));
                            }
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "through a TableView: %d samples, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    samples.size(), samples.median(), samples.percentile(99), samples.max());
            System.out.println("samples of 20 ms or more:");
            slow.stream().sorted(Comparator.reverseOrder()).limit(12).forEach(System.out::println);
            new Figure(String.format(Locale.ROOT, "3. Search latency through %s, %,d tasks, p50 / p99",
                    plain ? "a plain TableView" : "the app's task table", n),
                    Figure.ms(samples.median()) + " / " + Figure.ms(samples.percentile(99)), "(store not asked)", "—",
                    "p99 < 50 ms", samples.percentile(99) < 50).print();
        } finally {
            Platform.exit();
        }
    }

    private static TableView<TaskRow> show(TaskListViewModel vm, boolean plain) {
        TableView<TaskRow> table;
        Parent root;
        if (plain) {
            table = new TableView<>(vm.visibleRows());
            table.getColumns().add(column("Prompt", TaskRow::promptFirstLine));
            table.getColumns().add(column("Model", TaskRow::model));
            table.getColumns().add(column("Status", row -> row.status().name()));
            root = table;
        } else {
            TaskTableView view = new TaskTableView(vm, MediaHooks.NONE, ServerTaskDeleter.UNSUPPORTED, () -> { },
                    () -> { }, () -> { }, new RecordingDialogs());
            table = view.table();
            root = view;
        }
        table.getSelectionModel().select(5);
        Stage stage = new Stage();
        Scene scene = new Scene(root, 1000, 700);
        ThemeStylesheets.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        return table;
    }

    private static TableColumn<TaskRow, String> column(String title, Function<TaskRow, String> value) {
        TableColumn<TaskRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(f -> new SimpleStringProperty(value.apply(f.getValue())));
        column.setPrefWidth(300);
        return column;
    }

    /** One keystroke: the search set and the table laid out, timed on the FX thread. */
    private static double type(TaskListViewModel vm, TableView<TaskRow> table, String typed) throws Exception {
        return onFx(() -> {
            long start = System.nanoTime();
            vm.searchTextProperty().set(typed);
            table.layout();
            return (System.nanoTime() - start) / 1e6;
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
