package dev.reelwatch.ui.preferences;

import dev.reelwatch.core.TaskOutput;
import dev.reelwatch.media.ByteSize;
import dev.reelwatch.media.ExportNaming;
import dev.reelwatch.media.ArchiveSettings;
import dev.reelwatch.media.SystemOpener;
import dev.reelwatch.media.VideoArchive;
import dev.reelwatch.store.StoredOutput;
import dev.reelwatch.store.StoredTask;
import dev.reelwatch.store.TaskStore;
import dev.reelwatch.sync.SyncCadence;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.SettingsWriter;
import dev.reelwatch.ui.common.TaskExecutor;
import dev.reelwatch.ui.theme.ThemeChoice;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * Preferences: sync cadence, the video archive, the export naming template (with a live preview on the selected
 * task), notifications, theme and the data directory. Every change is stored at once and handed to the part
 * that uses it (the running poller, the archive, the theme), so nothing waits for a restart.
 */
public final class PreferencesViewModel implements AutoCloseable {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.preferences.messages");
    static final long GIB = 1024L * 1024 * 1024;
    /** How often lists may be checked: from half a minute to an hour. */
    public static final List<Duration> LIST_CHOICES = List.of(Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1));
    /** The fastest refresh of a running task. */
    public static final List<Duration> FAST_CHOICES = List.of(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1));

    private final SettingsWriter settings;
    private final Consumer<SyncCadence> cadence;
    private final VideoArchive library;
    private final Runnable archiveChanged;
    private final TaskStore tasks;
    private final ObservableValue<Long> selectedTaskId;
    private final SystemOpener opener;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final Path dataDir;

    private final ObjectProperty<Duration> listInterval = new SimpleObjectProperty<>(this, "listInterval");
    private final ObjectProperty<Duration> fastInterval = new SimpleObjectProperty<>(this, "fastInterval");
    private final BooleanProperty archiveEnabled = new SimpleBooleanProperty(this, "archiveEnabled");
    private final ReadOnlyObjectWrapper<Path> archiveFolder = new ReadOnlyObjectWrapper<>(this, "archiveFolder");
    private final ReadOnlyBooleanWrapper archiveFolderIsDefault = new ReadOnlyBooleanWrapper(this, "default");
    private final BooleanProperty capEnabled = new SimpleBooleanProperty(this, "capEnabled");
    private final IntegerProperty capGigabytes = new SimpleIntegerProperty(this, "capGigabytes", 20);
    private final ReadOnlyStringWrapper archiveUsage = new ReadOnlyStringWrapper(this, "archiveUsage", "");
    private final StringProperty template = new SimpleStringProperty(this, "template", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper previewSource = new ReadOnlyStringWrapper(this, "previewSource", "");
    private final ReadOnlyStringWrapper templateProblem = new ReadOnlyStringWrapper(this, "templateProblem", "");
    private final BooleanProperty notificationsEnabled;
    private final BooleanProperty onlyFailures;
    private final ObjectProperty<ThemeChoice> theme;
    private final LatestRequest usageRequest = new LatestRequest();
    private final LatestRequest taskRequest = new LatestRequest();
    private final InvalidationListener followSelection = o -> loadPreviewTask();
    private StoredTask previewTask;

    /**
     * @param cadence              hands a new cadence to the running poller
     * @param archiveChanged       tells the archive to look for work again (archiving was turned on, cap raised …)
     * @param selectedTaskId       the task selected in the main window: the template's preview subject
     * @param notificationsEnabled the notifier's own on/off switch (stored by its owner)
     * @param onlyFailures         the notifier's "only failures" switch (stored by its owner)
     * @param theme                the theme choice (stored and applied by its owner)
     */
    public PreferencesViewModel(SettingsWriter settings, Consumer<SyncCadence> cadence, VideoArchive library,
                                Runnable archiveChanged, TaskStore tasks, ObservableValue<Long> selectedTaskId,
                                BooleanProperty notificationsEnabled, BooleanProperty onlyFailures,
                                ObjectProperty<ThemeChoice> theme, Path dataDir, SystemOpener opener,
                                DialogService dialogs, TaskExecutor executor, ZoneId zone) {
        this.settings = settings;
        this.cadence = cadence;
        this.library = library;
        this.archiveChanged = archiveChanged;
        this.tasks = tasks;
        this.selectedTaskId = selectedTaskId;
        this.notificationsEnabled = notificationsEnabled;
        this.onlyFailures = onlyFailures;
        this.theme = theme;
        this.dataDir = dataDir;
        this.opener = opener;
        this.dialogs = dialogs;
        this.executor = executor;
        this.zone = zone;
        readStored();

        listInterval.addListener((o, was, now) -> cadenceChanged());
        fastInterval.addListener((o, was, now) -> cadenceChanged());
        archiveEnabled.addListener((o, was, now) -> {
            settings.put(ArchiveSettings.ENABLED, Boolean.toString(now));
            archiveChanged.run();
        });
        capEnabled.addListener((o, was, now) -> capChanged());
        capGigabytes.addListener((o, was, now) -> capChanged());
        template.addListener((o, was, now) -> templateChanged());
        selectedTaskId.addListener(followSelection);
        updatePreview();
        loadPreviewTask();
        refreshUsage();
    }

    private void readStored() {
        SyncCadence stored = SyncCadence.read(settings.store());
        listInterval.set(stored.listInterval());
        fastInterval.set(stored.fastInterval());
        ArchiveSettings archive = ArchiveSettings.read(settings.store());
        archiveEnabled.set(archive.enabled());
        capEnabled.set(archive.capped());
        if (archive.capped()) {
            capGigabytes.set((int) Math.max(1, Math.round((double) archive.maxBytes() / GIB)));
        }
        showFolder();
        template.set(settings.store().get(ExportNaming.SETTING, ExportNaming.DEFAULT_TEMPLATE));
    }

    // ---- sync -------------------------------------------------------------------------------------------

    private void cadenceChanged() {
        if (listInterval.get() == null || fastInterval.get() == null) {
            return;
        }
        SyncCadence c = new SyncCadence(listInterval.get(), fastInterval.get());
        settings.put(SyncCadence.LIST_KEY, Long.toString(c.listInterval().toSeconds()));
        settings.put(SyncCadence.FAST_KEY, Long.toString(c.fastInterval().toSeconds()));
        cadence.accept(c);
    }

    // ---- archive ----------------------------------------------------------------------------------------

    private void capChanged() {
        long bytes = capEnabled.get() ? Math.max(1, capGigabytes.get()) * GIB : 0;
        settings.put(ArchiveSettings.MAX_BYTES, Long.toString(bytes));
        archiveChanged.run();
    }

    /** "Choose…": asks for a folder; new videos go there, those archived so far stay where they are. */
    public void chooseArchiveFolder() {
        dialogs.chooseFolder(TEXT.getString("archive.choose.title"), archiveFolder.get())
                .ifPresent(this::useArchiveFolder);
    }

    /** Sends new videos to {@code folder}. */
    public void useArchiveFolder(Path folder) {
        Path normal = folder.toAbsolutePath().normalize();
        if (normal.equals(library.defaultVideosDir())) {
            useDefaultArchiveFolder();
            return;
        }
        settings.put(ArchiveSettings.FOLDER, normal.toString());
        archiveFolder.set(normal);
        archiveFolderIsDefault.set(false);
        archiveChanged.run();
        refreshUsage(normal);
    }

    /** "Use default": back to {@code videos} in the data directory. */
    public void useDefaultArchiveFolder() {
        settings.put(ArchiveSettings.FOLDER, "");
        archiveFolder.set(library.defaultVideosDir());
        archiveFolderIsDefault.set(true);
        archiveChanged.run();
        refreshUsage(library.defaultVideosDir());
    }

    private void showFolder() {
        Optional<Path> chosen = ArchiveSettings.folder(settings.store());
        archiveFolder.set(chosen.orElse(library.defaultVideosDir()));
        archiveFolderIsDefault.set(chosen.isEmpty());
    }

    /** Measures the archive folder on disk in the background; the text says "Measuring…" meanwhile. */
    public void refreshUsage() {
        refreshUsage(archiveFolder.get());
    }

    private void refreshUsage(Path folder) {
        // Measures where the user's choice points, even before the settings write has landed.
        BackgroundTask.wrap(() -> VideoArchive.sizeOf(folder))
                .describedAs(TEXT.getString("archive.usage.failed"))
                .onRunning(() -> archiveUsage.set(TEXT.getString("archive.usage.measuring")))
                .onSuccess(bytes -> archiveUsage.set(String.format(TEXT.getString("archive.usage"),
                        ByteSize.format(bytes))))
                .onFailure(e -> archiveUsage.set(String.format(TEXT.getString("archive.usage.unreadable"),
                        e.getMessage())))
                .latestOf(usageRequest)
                .executeWith(executor);
    }

    // ---- export naming ----------------------------------------------------------------------------------

    private void templateChanged() {
        List<String> problems = ExportNaming.problems(template.get());
        templateProblem.set(String.join("\n", problems));
        if (problems.isEmpty()) {
            // Only a template that works is stored: exports never run on a half-typed one.
            String t = template.get() == null || template.get().isBlank() ? ExportNaming.DEFAULT_TEMPLATE
                    : template.get().strip();
            settings.put(ExportNaming.SETTING, t);
        }
        updatePreview();
    }

    /** "Reset": the template Reelwatch started with. */
    public void resetTemplate() {
        template.set(ExportNaming.DEFAULT_TEMPLATE);
    }

    /** Adds a placeholder at the end of the template (the view inserts at the caret itself). */
    public void appendPlaceholder(String placeholder) {
        template.set((template.get() == null ? "" : template.get()) + placeholder);
    }

    private void loadPreviewTask() {
        Long id = selectedTaskId.getValue();
        if (id == null) {
            taskRequest.invalidate();
            previewTask = null;
            updatePreview();
            return;
        }
        BackgroundTask.wrap(() -> tasks.byId(id))
                .describedAs(TEXT.getString("export.preview.failed"))
                .onSuccess(found -> {
                    previewTask = found.orElse(null);
                    updatePreview();
                })
                .latestOf(taskRequest)
                .executeWith(executor);
    }

    private void updatePreview() {
        if (previewTask == null) {
            preview.set("");
            previewSource.set(TEXT.getString("export.preview.none"));
            return;
        }
        previewSource.set(String.format(TEXT.getString("export.preview.of"), previewTask.accountName(),
                previewTask.task().providerTaskId()));
        if (!templateProblem.get().isEmpty()) {
            preview.set("");
            return;
        }
        TaskOutput output = previewTask.outputs().stream().map(StoredOutput::output).findFirst()
                .orElse(TaskOutput.video(0, ""));
        preview.set(new ExportNaming(template.get(), zone).fileName(previewTask, output));
    }

    // ---- data directory ---------------------------------------------------------------------------------

    public Path dataDir() {
        return dataDir;
    }

    /** Opens the data directory in the file manager; a failure is shown, not swallowed. */
    public void openDataDir() {
        BackgroundTask.wrap(() -> opener.open(dataDir).get())
                .describedAs(TEXT.getString("data.open.failed"))
                .onFailure(e -> dialogs.showError(TEXT.getString("data.open.failed"),
                        String.format(TEXT.getString("data.open.failed.text"), dataDir),
                        e.getCause() != null ? e.getCause().getMessage() : e.getMessage()))
                .executeWith(executor);
    }

    // ---- properties -------------------------------------------------------------------------------------

    public ObjectProperty<Duration> listIntervalProperty() {
        return listInterval;
    }

    public ObjectProperty<Duration> fastIntervalProperty() {
        return fastInterval;
    }

    public BooleanProperty archiveEnabledProperty() {
        return archiveEnabled;
    }

    public ReadOnlyObjectProperty<Path> archiveFolderProperty() {
        return archiveFolder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty archiveFolderIsDefaultProperty() {
        return archiveFolderIsDefault.getReadOnlyProperty();
    }

    public BooleanProperty capEnabledProperty() {
        return capEnabled;
    }

    /** The cap in GB (of 1024³ bytes), used while {@link #capEnabledProperty()} is on. */
    public IntegerProperty capGigabytesProperty() {
        return capGigabytes;
    }

    /** "2.4 GB on disk", "Measuring…". */
    public ReadOnlyStringProperty archiveUsageProperty() {
        return archiveUsage.getReadOnlyProperty();
    }

    public StringProperty templateProperty() {
        return template;
    }

    /** The file name the selected task would be exported as; empty while the template has a problem. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Which task the preview is of, or a hint to select one. */
    public ReadOnlyStringProperty previewSourceProperty() {
        return previewSource.getReadOnlyProperty();
    }

    /** What is wrong with the template, one problem a line; empty when it is fine. */
    public ReadOnlyStringProperty templateProblemProperty() {
        return templateProblem.getReadOnlyProperty();
    }

    public List<String> placeholders() {
        return ExportNaming.PLACEHOLDERS;
    }

    /** What a placeholder stands for, for the list beside the template. */
    public String describe(String placeholder) {
        String name = placeholder.replaceAll("[{}]", "").replaceAll(":.*", "");
        return TEXT.getString("placeholder." + name);
    }

    public BooleanProperty notificationsEnabledProperty() {
        return notificationsEnabled;
    }

    public BooleanProperty onlyFailuresProperty() {
        return onlyFailures;
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    /** Stops following the main window's selection (the window was closed). */
    @Override
    public void close() {
        selectedTaskId.removeListener(followSelection);
        taskRequest.invalidate();
        usageRequest.invalidate();
    }
}
