package dev.reelwatch.ui.usage;

import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.usage.UsageGrouping;
import dev.reelwatch.usage.UsagePeriod;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The usage view: split by provider or model, per day or week, over a range; a table of totals with success
 * rate and median time, a stacked chart of tasks, one cost chart per billing unit, success rate per group,
 * and Export CSV. Binds only.
 */
public final class UsageView extends BorderPane {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.usage.messages");
    private static final String CSS = Objects.requireNonNull(
            UsageView.class.getResource("/dev/reelwatch/ui/usage/usage.css")).toExternalForm();

    private final UsageViewModel vm;
    private final DialogService dialogs;
    private final TableView<UsageLine> table = new TableView<>();
    private final VBox charts = new VBox(16);
    private final Label empty = new Label(TEXT.getString("loading"));

    public UsageView(UsageViewModel vm, DialogService dialogs) {
        this.dialogs = dialogs;
        this.vm = vm;
        setId("usageView");
        getStyleClass().add("usage-view");
        getStylesheets().add(CSS);
        setTop(toolbar());

        buildTable();
        Label note = new Label(TEXT.getString("note.units"));
        note.getStyleClass().addAll("muted", "usage-note");
        note.setWrapText(true);
        empty.getStyleClass().add("usage-empty");
        VBox content = new VBox(12, table, note, empty, charts);
        content.getStyleClass().add("usage-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("usage-scroll");
        setCenter(scroll);

        vm.chartsProperty().addListener((o, was, now) -> show(now));
        vm.loadedProperty().addListener((o, was, now) -> show(vm.chartsProperty().get()));
        show(vm.chartsProperty().get());
    }

    public UsageViewModel viewModel() {
        return vm;
    }

    private Node toolbar() {
        HBox grouping = segmented("usage-group", UsageGrouping.values(), vm.groupingProperty().get(),
                g -> TEXT.getString("group." + g.name()), g -> vm.groupingProperty().set(g));
        HBox period = segmented("usage-period", UsagePeriod.values(), vm.periodProperty().get(),
                p -> TEXT.getString("period." + p.name()), p -> vm.periodProperty().set(p));
        ComboBox<UsageRange> range = new ComboBox<>();
        range.setId("usage-range");
        range.getItems().setAll(UsageRange.values());
        range.setValue(vm.rangeProperty().get());
        range.setButtonCell(rangeCell());
        range.setCellFactory(l -> rangeCell());
        range.valueProperty().addListener((o, was, now) -> vm.rangeProperty().set(now));
        Button export = new Button(TEXT.getString("export"));
        export.setId("usage-export");
        export.setOnAction(e -> exportCsv());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, label("groupBy"), grouping, label("per"), period, range, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("usage-toolbar");
        return bar;
    }

    private static Label label(String key) {
        Label l = new Label(TEXT.getString(key));
        l.getStyleClass().add("muted");
        return l;
    }

    private static ListCell<UsageRange> rangeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(UsageRange item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : TEXT.getString("range." + item.name()));
            }
        };
    }

    /** A row of toggle buttons of which one is always pressed. */
    private static <T extends Enum<T>> HBox segmented(String id, T[] values, T selected, Function<T, String> name,
                                                      java.util.function.Consumer<T> choose) {
        ToggleGroup group = new ToggleGroup();
        HBox box = new HBox();
        box.setId(id);
        box.getStyleClass().add("segmented");
        for (T v : values) {
            ToggleButton b = new ToggleButton(name.apply(v));
            b.setId(id + "-" + v.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setSelected(v == selected);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                choose.accept(v);
            });
            box.getChildren().add(b);
        }
        return box;
    }

    private void buildTable() {
        table.setId("usage-table");
        table.getStyleClass().add("usage-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("group", 200, UsageLine::group));
        table.getColumns().add(column("tasks", 70, l -> String.valueOf(l.tasks())));
        table.getColumns().add(column("succeeded", 90, l -> String.valueOf(l.succeeded())));
        table.getColumns().add(column("failed", 70, l -> String.valueOf(l.failed())));
        table.getColumns().add(column("success", 80, UsageLine::successText));
        table.getColumns().add(column("median", 160, UsageLine::medianText));
        table.getColumns().add(column("cost", 240, UsageLine::costText));
        table.setFixedCellSize(30);
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems()).multiply(30).add(34));
        table.setPlaceholder(new Label(TEXT.getString("empty")));
    }

    private static TableColumn<UsageLine, String> column(String key, double width, Function<UsageLine, String> value) {
        TableColumn<UsageLine, String> c = new TableColumn<>(TEXT.getString("column." + key));
        c.setId("usage-col-" + key);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setSortable(false);
        c.getStyleClass().add(key.equals("group") || key.equals("cost") || key.equals("median") ? "text" : "number");
        return c;
    }

    private void show(UsageCharts data) {
        table.getItems().setAll(data.lines());
        table.getColumns().get(0).setText(TEXT.getString("group." + vm.groupingProperty().get().name()));
        boolean none = data.isEmpty();
        empty.setText(TEXT.getString(vm.loadedProperty().get() ? "empty" : "loading"));
        empty.setVisible(none);
        empty.setManaged(none);
        charts.getChildren().clear();
        if (none) {
            return;
        }
        List<String> groups = data.lines().stream().map(UsageLine::group).toList();
        charts.getChildren().add(legend(groups));
        charts.getChildren().add(stacked("usage-chart-tasks", TEXT.getString("chart.tasks"), data.categories(),
                data.tasks(), true, groups));
        FlowPane costs = new FlowPane(16, 16);
        costs.getStyleClass().add("usage-cost-charts");
        for (CostChart c : data.costs()) {
            StackedBarChart<String, Number> chart = stacked("usage-chart-cost-" + c.unit(), c.title(),
                    data.categories(), c.series(), false, groups);
            chart.setPrefWidth(data.costs().size() == 1 ? 900 : 440);
            costs.getChildren().add(chart);
        }
        charts.getChildren().add(costs);
        if (!data.successRates().isEmpty()) {
            charts.getChildren().add(successChart(data.successRates(), groups));
        }
    }

    /** One legend for every chart: a group keeps its colour from chart to chart. */
    private static Node legend(List<String> groups) {
        FlowPane legend = new FlowPane(14, 6);
        legend.setId("usage-legend");
        legend.getStyleClass().add("usage-legend");
        for (String g : groups) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("usage-swatch", colour(groups, g));
            Label name = new Label(g, swatch);
            legend.getChildren().add(name);
        }
        return legend;
    }

    /** The style class of a group's colour, by its place in the table. */
    private static String colour(List<String> groups, String group) {
        return "group-colour-" + Math.max(0, groups.indexOf(group)) % 8;
    }

    private static void paint(XYChart.Data<?, ?> data, String colourClass) {
        if (data.getNode() != null) {
            data.getNode().getStyleClass().add(colourClass);
        } else {
            data.nodeProperty().addListener((o, was, now) -> {
                if (now != null) {
                    now.getStyleClass().add(colourClass);
                }
            });
        }
    }

    private static StackedBarChart<String, Number> stacked(String id, String title, List<String> categories,
                                                           List<ChartSeries> series, boolean integers,
                                                           List<String> groups) {
        CategoryAxis x = new CategoryAxis();
        x.setCategories(javafx.collections.FXCollections.observableArrayList(categories));
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setAnimated(false);
        y.setForceZeroInRange(true);
        if (integers) {
            y.setMinorTickVisible(false);
            y.setTickLabelFormatter(new NumberAxis.DefaultFormatter(y) {
                @Override
                public String toString(Number n) {
                    return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.longValue()) : "";
                }
            });
        }
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId(id);
        chart.getStyleClass().add("usage-chart");
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(categories.size() > 40 ? 1 : 6);
        chart.setPrefHeight(280);
        chart.setMinHeight(240);
        for (ChartSeries s : series) {
            XYChart.Series<String, Number> xy = new XYChart.Series<>();
            xy.setName(s.name());
            for (int i = 0; i < categories.size(); i++) {
                xy.getData().add(new XYChart.Data<>(categories.get(i), s.values().get(i)));
            }
            chart.getData().add(xy);
        }
        // After every series is in: adding a series restyles the bars of those before it.
        for (XYChart.Series<String, Number> xy : chart.getData()) {
            xy.getData().forEach(d -> paint(d, colour(groups, xy.getName())));
        }
        return chart;
    }

    private static BarChart<Number, String> successChart(List<ChartSeries> rates, List<String> groups) {
        NumberAxis x = new NumberAxis(0, 100, 25);
        x.setAnimated(false);
        CategoryAxis y = new CategoryAxis();
        y.setAnimated(false);
        BarChart<Number, String> chart = new BarChart<>(x, y);
        chart.setId("usage-chart-success");
        chart.getStyleClass().add("usage-chart");
        chart.setTitle(TEXT.getString("chart.success"));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(Math.max(160, 48 + rates.size() * 34));
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        for (ChartSeries s : rates) {
            series.getData().add(new XYChart.Data<>(s.values().get(0), s.name()));
        }
        chart.getData().add(series);
        series.getData().forEach(d -> paint(d, colour(groups, d.getYValue())));
        return chart;
    }

    private void exportCsv() {
        dialogs.chooseSaveFile(TEXT.getString("export.title"), null, vm.suggestedFileName(), List.of("*.csv"))
                .ifPresent(file -> vm.exportCsv(file, failure -> {
                    if (failure != null) {
                        dialogs.showError(TEXT.getString("export.title"), TEXT.getString("export.failed"),
                                String.valueOf(failure.getMessage()));
                    }
                }));
    }
}
