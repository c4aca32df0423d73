package dev.reelwatch.ui.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reelwatch.core.ArchiveState;
import dev.reelwatch.core.Task;
import dev.reelwatch.core.TaskError;
import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.provider.Json;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskChange;
import dev.reelwatch.store.TaskEvent;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.ui.common.RelativeTime;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.StoreChangeRelay;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The detail pane's state for the selected task: reads the task and its timeline from the cache off the FX
 * thread, reloads when the store says the task changed, and keeps the output links' expiry countdowns current.
 */
public final class DetailViewModel implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DetailViewModel.class.getName());

    private final TaskStore store;
    private final StoreChangeRelay relay;
    private final Clock clock;
    private final TaskExecutor executor;
    private final LatestRequest loads = new LatestRequest();
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.detail.messages");
    private final ExpiryCountdown countdown = new ExpiryCountdown(text);
    private final DateTimeFormatter timeFormat;
    private final RelativeTime relative;
    private final Consumer<TaskChange> storeListener = this::storeChanged;
    /** Bumped on every selection change, so a slow read for an old selection is dropped. */

    private final ObjectProperty<Long> taskId = new SimpleObjectProperty<>(this, "taskId");
    private final ReadOnlyObjectWrapper<DetailState> state = new ReadOnlyObjectWrapper<>(this, "state", DetailState.EMPTY);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyObjectWrapper<TaskStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper providerStatus = new ReadOnlyStringWrapper(this, "providerStatus", "");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyBooleanWrapper goneFromProvider = new ReadOnlyBooleanWrapper(this, "goneFromProvider");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper errorCode = new ReadOnlyStringWrapper(this, "errorCode", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper cost = new ReadOnlyStringWrapper(this, "cost", "");
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper(this, "rawJson", "");
    private final ObservableList<DetailField> fields = FXCollections.observableArrayList();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final ObservableList<OutputRow> outputs = FXCollections.observableArrayList();
    // One read-only view each: listeners on a fresh wrapper per call would be lost when it is collected.
    private final ObservableList<DetailField> fieldsView = FXCollections.unmodifiableObservableList(fields);
    private final ObservableList<TimelineEntry> timelineView = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<OutputRow> outputsView = FXCollections.unmodifiableObservableList(outputs);

    /** @param executor runs cache reads off the FX thread ({@code TaskExecutor.direct} in tests) */
    public DetailViewModel(TaskStore store, StoreChangeRelay relay, Clock clock, TaskExecutor executor) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
        this.executor = executor;
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(clock.getZone());
        this.relative = new RelativeTime(clock);
        taskId.addListener((obs, was, now) -> load(now, true));
        relay.subscribe(storeListener);
    }

    /** The selected task's local id; null when nothing is selected. The composition root binds it. */
    public ObjectProperty<Long> taskIdProperty() {
        return taskId;
    }

    public ReadOnlyObjectProperty<DetailState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The prompt's first line, or the provider's task id when there is no prompt. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "MeshAPI · studio · 0f8e…", what and where the task is. */
    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Running · 42%", "Succeeded". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The provider's own status word when it differs from the unified one ("in_progress"), else empty. */
    public ReadOnlyStringProperty providerStatusProperty() {
        return providerStatus.getReadOnlyProperty();
    }

    /** The full prompt, as sent. */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** True when the provider no longer has the task; it stays in our history. */
    public ReadOnlyBooleanProperty goneFromProviderProperty() {
        return goneFromProvider.getReadOnlyProperty();
    }

    /** True when the task failed or the provider reported an error: the pane shows it prominently. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorCodeProperty() {
        return errorCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** "1500 tokens", "12 credits", or empty when the provider said nothing about cost. */
    public ReadOnlyStringProperty costProperty() {
        return cost.getReadOnlyProperty();
    }

    /** The provider's JSON for the task, pretty-printed. */
    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    /** Every field and parameter the provider gave, in a stable order. */
    public ObservableList<DetailField> fields() {
        return fieldsView;
    }

    /** Observed status changes, oldest first. */
    public ObservableList<TimelineEntry> timeline() {
        return timelineView;
    }

    public ObservableList<OutputRow> outputs() {
        return outputsView;
    }

    /** The parameter grid as "label: value" lines, for the clipboard. */
    public String fieldsAsText() {
        StringBuilder out = new StringBuilder();
        for (DetailField f : fields) {
            out.append(f.label()).append(": ").append(f.value()).append('\n');
        }
        return out.toString();
    }

    /** Moves the link countdowns on to the clock's now; the view calls it every second or so. */
    public void refreshCountdowns() {
        Instant now = clock.instant();
        outputs.forEach(o -> o.tick(now));
    }

    /** Reads the selected task again (e.g. after the user asked for a refresh). */
    public void reload() {
        load(taskId.get(), false);
    }

    @Override
    public void close() {
        relay.unsubscribe(storeListener);
    }

    private void storeChanged(TaskChange change) {
        Long id = taskId.get();
        if (id == null) {
            return;
        }
        if (change.removed().contains(id) || change.changed().contains(id)) {
            load(id, false);
        }
    }

    private void load(Long id, boolean selectionChanged) {
        if (id == null) {
            loads.invalidate();
            clear(DetailState.EMPTY);
            return;
        }
        if (selectionChanged) {
            state.set(DetailState.LOADING);
        }
        BackgroundTask.wrap(() -> read(id))
                .describedAs("Reading the task for the detail pane")
                .latestOf(loads)
                .onSuccess(result -> {
                    if (Objects.equals(taskId.get(), id)) {
                        result.ifPresentOrElse(this::apply, () -> clear(DetailState.MISSING));
                    }
                })
                // The problem area says what failed; the pane does not stay on "Loading…".
                .andOnFailure(e -> {
                    if (Objects.equals(taskId.get(), id) && state.get() == DetailState.LOADING) {
                        clear(DetailState.MISSING);
                    }
                })
                .executeWith(executor);
    }

    private void clear(DetailState newState) {
        title.set("");
        subtitle.set("");
        status.set(null);
        statusText.set("");
        providerStatus.set("");
        prompt.set("");
        goneFromProvider.set(false);
        failed.set(false);
        errorCode.set("");
        errorMessage.set("");
        cost.set("");
        rawJson.set("");
        fields.clear();
        timeline.clear();
        outputs.clear();
        state.set(newState);
    }

    private void apply(DetailSnapshot s) {
        title.set(s.title());
        subtitle.set(s.subtitle());
        status.set(s.status());
        statusText.set(s.statusText());
        providerStatus.set(s.providerStatus());
        prompt.set(s.prompt());
        goneFromProvider.set(!s.onProvider());
        failed.set(s.failed());
        errorCode.set(s.errorCode());
        errorMessage.set(s.errorMessage());
        cost.set(s.cost());
        rawJson.set(s.rawJson());
        fields.setAll(s.fields());
        timeline.setAll(s.timeline());
        outputs.setAll(s.outputs());
        state.set(DetailState.SHOWN);
    }

    private Optional<DetailSnapshot> read(long id) {
        Optional<StoredTask> found = store.byId(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredTask stored = found.get();
        Task task = stored.task();
        List<TaskEvent> events = store.timeline(id);
        Instant now = clock.instant();
        TaskError error = task.error();
        boolean failedTask = task.status() == TaskStatus.FAILED
                || error != null && !(error.code().isEmpty() && error.message().isEmpty());
        return Optional.of(new DetailSnapshot(id,
                task.promptFirstLine().isEmpty() ? task.providerTaskId() : task.promptFirstLine(),
                subtitle(stored.provider().displayName(), stored.accountName(), task.providerTaskId()),
                task.status(), statusText(task),
                task.providerStatus().equalsIgnoreCase(task.status().wireName()) ? "" : task.providerStatus(),
                task.prompt() == null ? "" : task.prompt(), stored.onProvider(),
                failedTask,
                errorCode(task),
                error == null || error.message().isEmpty()
                        ? (failedTask ? text.getString("error.noMessage") : "") : error.message(),
                task.cost() == null ? "" : task.cost().display(),
                fields(stored), timeline(events, stored), outputs(stored, now), pretty(task.rawJson())));
    }

    /** The provider's error code; MoneyPrinterTurbo's stage name reads "Failed at stage: materials". */
    private String errorCode(Task task) {
        TaskError error = task.error();
        if (error == null) {
            return "";
        }
        String stage = task.parameters().get("failed_stage");
        if (stage != null && stage.equals(error.code())) {
            return MessageFormat.format(text.getString("error.stage"), stage);
        }
        return error.code();
    }

    private String statusText(Task task) {
        String name = statusName(task.status());
        if (task.status() == TaskStatus.RUNNING && task.progress() != null) {
            name = name + " · " + task.progress() + "%";
        }
        return name;
    }

    String statusName(TaskStatus s) {
        return text.getString("status." + s.wireName());
    }

    private List<DetailField> fields(StoredTask stored) {
        Task t = stored.task();
        List<DetailField> out = new ArrayList<>();
        add(out, "field.taskId", t.providerTaskId());
        add(out, "field.provider", stored.provider().displayName());
        add(out, "field.account", stored.accountName());
        add(out, "field.status", statusName(t.status()));
        add(out, "field.providerStatus", t.providerStatus());
        add(out, "field.progress", t.progress() == null ? null : t.progress() + "%");
        add(out, "field.model", t.model());
        add(out, "field.createdAt", time(t.createdAt()));
        if (t.createdAt() == null && stored.firstSeenAt() != null) {
            // The provider gave no time (MoneyPrinterTurbo never does): say plainly whose time this is.
            add(out, "field.createdAt", seen("seen.first", stored.firstSeenAt()));
        }
        add(out, "field.startedAt", time(t.startedAt()));
        add(out, "field.completedAt", time(t.completedAt()));
        if (t.completedAt() == null && stored.finishedSeenAt() != null) {
            add(out, "field.completedAt", seen("seen.finished", stored.finishedSeenAt()));
        }
        add(out, "field.updatedAt", time(t.updatedAt()));
        add(out, "field.duration", t.duration() == null ? null : countdown.span(t.duration()));
        if (t.createdAt() == null && t.completedAt() == null) {
            stored.observedRunTime().ifPresent(d -> add(out, "field.observedRunTime",
                    MessageFormat.format(text.getString("seen.runTime"), countdown.span(d))));
        }
        add(out, "field.resolution", t.resolution());
        add(out, "field.aspectRatio", t.aspectRatio());
        add(out, "field.fps", t.fps() == null ? null : fps(t.fps()));
        add(out, "field.seed", t.seed() == null ? null : t.seed().toString());
        add(out, "field.eta", t.etaSeconds() == null || t.status().isTerminal()
                ? null : countdown.span(Duration.ofSeconds(t.etaSeconds())));
        add(out, "field.cost", t.cost() == null ? null : t.cost().display());
        add(out, "field.thumbnail", t.thumbnailUrl());
        for (Map.Entry<String, String> p : t.parameters().entrySet()) {
            if (p.getValue() != null && !p.getValue().isBlank()) {
                out.add(new DetailField(p.getKey(), p.getValue()));
            }
        }
        add(out, "field.firstSeen", time(stored.firstSeenAt()));
        add(out, "field.finishedSeen", time(stored.finishedSeenAt()));
        add(out, "field.lastSynced", time(stored.lastSyncedAt()));
        return out;
    }

    private void add(List<DetailField> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.add(new DetailField(text.getString(key), value));
        }
    }

    private static String fps(double fps) {
        return fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps);
    }

    private String time(Instant at) {
        return at == null ? null : timeFormat.format(at);
    }

    /** "first seen 3 h ago (2026-12-01 07:40:00) · Reelwatch's clock, not the provider's". */
    private String seen(String key, Instant at) {
        return MessageFormat.format(text.getString(key), relative.ago(at), timeFormat.format(at));
    }

    /**
     * Status changes, plus "link expired" where a server's answer said an output's link is gone (never merely
     * because an inferred or stated time passed), in time order.
     */
    private List<TimelineEntry> timeline(List<TaskEvent> events, StoredTask stored) {
        record Moment(Instant at, TaskStatus status, String title, String raw) {
        }
        List<Moment> moments = new ArrayList<>();
        for (TaskEvent e : events) {
            String raw = e.isNote() || e.providerStatus() == null
                    || e.providerStatus().equalsIgnoreCase(e.to().wireName()) ? "" : e.providerStatus();
            // A note (what a rule did) reads as itself; a status change by its status.
            String title = e.isNote() ? e.detail() : e.from() == null
                    ? MessageFormat.format(text.getString("timeline.firstSeen"), statusName(e.to()))
                    : statusName(e.to());
            moments.add(new Moment(e.at(), e.to(), title, raw));
        }
        for (StoredOutput so : stored.outputs()) {
            if (so.archiveState() == ArchiveState.LINK_EXPIRED && so.linkExpiredAt() != null) {
                moments.add(new Moment(so.linkExpiredAt(), TaskStatus.EXPIRED, MessageFormat.format(
                        text.getString("timeline.linkExpired"), outputName(so.output())), ""));
            }
        }
        // Stable: events keep their order, a link expiry goes after the events of its instant.
        moments.sort(java.util.Comparator.comparing(Moment::at,
                java.util.Comparator.nullsFirst(java.util.Comparator.<Instant>naturalOrder())));
        List<TimelineEntry> out = new ArrayList<>();
        Instant previous = null;
        for (Moment m : moments) {
            Duration between = previous == null || m.at() == null ? Duration.ZERO
                    : Duration.between(previous, m.at()).abs();
            String gap = between.getSeconds() < 1 ? "" : "+" + countdown.span(between);
            out.add(new TimelineEntry(m.at() == null ? "" : timeFormat.format(m.at()), m.status(), m.title(), m.raw(),
                    gap));
            previous = m.at();
        }
        return out;
    }

    private String outputName(TaskOutput o) {
        return text.getString("output.kind." + o.kind().wireName()) + " " + (o.index() + 1);
    }

    private List<OutputRow> outputs(StoredTask stored, Instant now) {
        List<OutputRow> out = new ArrayList<>();
        for (StoredOutput so : stored.outputs()) {
            TaskOutput o = so.output();
            StringBuilder title = new StringBuilder(text.getString("output.kind." + o.kind().wireName()))
                    .append(' ').append(o.index() + 1);
            if (o.mimeType() != null && !o.mimeType().isBlank()) {
                title.append(" · ").append(o.mimeType());
            }
            if (o.bytes() != null) {
                title.append(" · ").append(size(o.bytes()));
            }
            String serverSaid = so.archiveState() == ArchiveState.LINK_EXPIRED ? text.getString("expiry.serverSaid")
                    : o.refusal() != null ? "" : null;
            String source = o.expirySource() == null ? "" : text.getString("expirySource." + o.expirySource().wireName());
            out.add(new OutputRow(title.toString(), o.url(), so.archiveState(), archiveText(so), o.expiresAt(),
                    o.expirySource(), source, serverSaid, countdown, now));
        }
        return out;
    }

    private String archiveText(StoredOutput so) {
        ArchiveState s = so.archiveState() == null ? ArchiveState.NONE : so.archiveState();
        return switch (s) {
            case ARCHIVED -> so.localBytes() == null ? text.getString("archive.archived")
                    : MessageFormat.format(text.getString("archive.archivedSize"), size(so.localBytes()));
            case DOWNLOADING -> so.downloadPercent() == null ? text.getString("archive.downloadingUnknown")
                    : MessageFormat.format(text.getString("archive.downloading"), String.valueOf(so.downloadPercent()));
            case FAILED -> so.archiveError() == null || so.archiveError().isBlank()
                    ? text.getString("archive.failedUnknown")
                    : MessageFormat.format(text.getString("archive.failed"), so.archiveError());
            case LINK_EXPIRED -> so.archiveError() == null || so.archiveError().isBlank()
                    ? text.getString("archive.link_expired")
                    : MessageFormat.format(text.getString("archive.linkExpiredBecause"), so.archiveError());
            case NONE, PENDING -> so.output().refusal() != null
                    ? MessageFormat.format(text.getString("archive.refused"), so.output().refusal())
                    : text.getString("archive." + s.wireName());
            default -> text.getString("archive." + s.wireName());
        };
    }

    /** "812 KB", "2.4 MB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "{}";
        }
        try {
            JsonNode node = Json.mapper().readTree(json);
            return Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // Keep whatever the provider sent, even when it is not valid JSON.
            return json;
        }
    }

    /** "MeshAPI · studio · id"; an account named after its provider ("Demo · MeshAPI") does not repeat it. */
    static String subtitle(String provider, String account, String providerTaskId) {
        String lowerAccount = account.toLowerCase(java.util.Locale.ROOT);
        return (lowerAccount.contains(provider.toLowerCase(java.util.Locale.ROOT)) ? "" : provider + " · ")
                + account + " · " + providerTaskId;
    }
}
