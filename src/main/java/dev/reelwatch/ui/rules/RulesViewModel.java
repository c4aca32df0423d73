package dev.reelwatch.ui.rules;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TaskStatus;
import dev.reelwatch.rules.RuleCheck;
import dev.reelwatch.rules.RuleEngine;
import dev.reelwatch.store.Rule;
import dev.reelwatch.store.RuleActions;
import dev.reelwatch.store.RuleConditions;
import dev.reelwatch.store.RuleStore;
import dev.reelwatch.store.StoreException;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.LatestRequest;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Rules editor: the saved rules (switch each on or off), and one rule being edited with the same conditions and
 * actions as {@code reelwatch rules add}. While editing, a live preview counts the cached tasks the rule would
 * apply to (read in the background, latest edit wins). Saving checks everything first: bad input is explained and
 * nothing is saved.
 */
public final class RulesViewModel {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.reelwatch.ui.rules.messages");

    /** What a rule does about the task's desktop notification. */
    public enum NotifyChoice { USUAL, NOTIFY, SILENCE }

    /** A saved rule as the list shows it. */
    public record RuleItem(Rule rule, int fired) {
        public String name() {
            return rule.name();
        }
    }

    private final RuleStore rules;
    private final RuleEngine engine;
    private final TaskExecutor executor;
    private final TaskExecutor serial;
    private final DialogService dialogs;
    private final LatestRequest previews = new LatestRequest();

    private final ObservableList<RuleItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<RuleItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final StringProperty when = new SimpleStringProperty(this, "when", "succeeded");
    private final StringProperty account = new SimpleStringProperty(this, "account", "");
    private final ObjectProperty<ProviderKind> provider = new SimpleObjectProperty<>(this, "provider");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty promptContains = new SimpleStringProperty(this, "promptContains", "");
    private final StringProperty hasTag = new SimpleStringProperty(this, "hasTag", "");
    private final StringProperty addTags = new SimpleStringProperty(this, "addTags", "");
    private final BooleanProperty star = new SimpleBooleanProperty(this, "star");
    private final StringProperty exportTo = new SimpleStringProperty(this, "exportTo", "");
    private final StringProperty nameTemplate = new SimpleStringProperty(this, "nameTemplate", "");
    private final ObjectProperty<NotifyChoice> notify = new SimpleObjectProperty<>(this, "notify", NotifyChoice.USUAL);
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long editingId;

    public RulesViewModel(RuleStore rules, RuleEngine engine, TaskExecutor executor, DialogService dialogs) {
        this.rules = rules;
        this.engine = engine;
        this.executor = executor;
        this.serial = executor.serial();
        this.dialogs = dialogs;
        for (Observable field : List.of(when, account, provider, model, promptContains, hasTag)) {
            field.addListener(o -> refreshPreview());
        }
        selected.addListener((o, was, now) -> {
            if (now != null) {
                edit(now.rule());
            }
        });
    }

    /** Reads the saved rules and starts a new one in the form. */
    public void reload() {
        BackgroundTask.wrap(this::readItems)
                .describedAs(TEXT.getString("task.load"))
                .onSuccess(items::setAll)
                .executeWith(serial);
        refreshPreview();
    }

    private List<RuleItem> readItems() {
        Map<Long, Integer> fired = rules.firedCounts();
        return rules.all().stream().map(r -> new RuleItem(r, fired.getOrDefault(r.id(), 0))).toList();
    }

    /** Clears the form for a new rule. */
    public void newRule() {
        selected.set(null);
        editingId = 0;
        name.set("");
        enabled.set(true);
        when.set(TaskStatus.SUCCEEDED.wireName());
        account.set("");
        provider.set(null);
        model.set("");
        promptContains.set("");
        hasTag.set("");
        addTags.set("");
        star.set(false);
        exportTo.set("");
        nameTemplate.set("");
        notify.set(NotifyChoice.USUAL);
        message.set("");
        refreshPreview();
    }

    private void edit(Rule r) {
        editingId = r.id();
        name.set(r.name());
        enabled.set(r.enabled());
        when.set(r.when().stream().sorted().map(TaskStatus::wireName).collect(Collectors.joining(", ")));
        RuleConditions c = r.conditions();
        account.set(orEmpty(c.account()));
        provider.set(c.provider());
        model.set(orEmpty(c.model()));
        promptContains.set(orEmpty(c.promptContains()));
        hasTag.set(orEmpty(c.hasTag()));
        RuleActions a = r.actions();
        addTags.set(String.join(", ", a.addTags()));
        star.set(a.star());
        exportTo.set(orEmpty(a.exportTo()));
        nameTemplate.set(orEmpty(a.nameTemplate()));
        notify.set(a.notification() == null ? NotifyChoice.USUAL : a.notification() ? NotifyChoice.NOTIFY
                : NotifyChoice.SILENCE);
        message.set("");
        refreshPreview();
    }

    /** Counts, in the background, the cached tasks the rule in the form applies to now. */
    void refreshPreview() {
        Set<TaskStatus> statuses;
        try {
            statuses = RuleCheck.statuses(when.get());
        } catch (IllegalArgumentException e) {
            previews.invalidate();
            preview.set(e.getMessage());
            return;
        }
        if (statuses.isEmpty()) {
            previews.invalidate();
            preview.set(TEXT.getString("preview.noStatus"));
            return;
        }
        Rule draft = Rule.draft(name.get(), true, statuses, conditions(), RuleActions.none());
        BackgroundTask.wrap(() -> engine.matching(draft).size())
                .describedAs(TEXT.getString("task.preview"))
                .onRunning(() -> preview.set(TEXT.getString("preview.counting")))
                .onSuccess(n -> preview.set(MessageFormat.format(TEXT.getString("preview.matches"), n)))
                .latestOf(previews)
                .executeWith(executor);
    }

    /** Checks the rule in the form and saves it; a problem is shown and nothing is saved. */
    public void save() {
        Set<TaskStatus> statuses;
        try {
            statuses = RuleCheck.statuses(when.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Rule draft = new Rule(editingId, name.get() == null ? "" : name.get().strip(), enabled.get(), statuses,
                conditions(), actions(), null, null);
        long id = editingId;
        BackgroundTask.wrap(() -> {
                    List<String> problems = RuleCheck.problems(draft, rules);
                    if (!problems.isEmpty()) {
                        return new SaveOutcome(null, String.join("\n", problems));
                    }
                    try {
                        Rule saved = id == 0 ? rules.add(draft) : rules.update(withTimes(draft, id));
                        return new SaveOutcome(saved, null);
                    } catch (StoreException e) {
                        return new SaveOutcome(null, e.getMessage());
                    }
                })
                .describedAs(TEXT.getString("task.save"))
                .onSuccess(outcome -> {
                    if (outcome.problem() != null) {
                        message.set(outcome.problem());
                        return;
                    }
                    editingId = outcome.saved().id();
                    message.set(MessageFormat.format(TEXT.getString("saved"), outcome.saved().name()));
                    reloadKeeping(outcome.saved().id());
                })
                .executeWith(serial);
    }

    private Rule withTimes(Rule draft, long id) {
        Rule old = items.stream().map(RuleItem::rule).filter(r -> r.id() == id).findFirst().orElse(draft);
        return new Rule(id, draft.name(), draft.enabled(), draft.when(), draft.conditions(), draft.actions(),
                old.createdAt(), old.activeSince());
    }

    private record SaveOutcome(Rule saved, String problem) {
    }

    private void reloadKeeping(long id) {
        BackgroundTask.wrap(this::readItems)
                .describedAs(TEXT.getString("task.load"))
                .onSuccess(list -> {
                    items.setAll(list);
                    list.stream().filter(i -> i.rule().id() == id).findFirst().ifPresent(selected::set);
                })
                .executeWith(serial);
    }

    /** Switches a saved rule on or off (switched on, it fires for changes from now on). */
    public void setEnabled(RuleItem item, boolean on) {
        Rule r = item.rule();
        if (r.enabled() == on) {
            return;
        }
        BackgroundTask.wrap(() -> rules.update(new Rule(r.id(), r.name(), on, r.when(), r.conditions(), r.actions(),
                        r.createdAt(), r.activeSince())))
                .describedAs(TEXT.getString("task.save"))
                .onSuccess(saved -> reloadKeeping(selected.get() == null ? -1 : selected.get().rule().id()))
                .executeWith(serial);
    }

    /** Removes the selected rule after asking. */
    public void deleteSelected() {
        RuleItem item = selected.get();
        if (item == null || !dialogs.confirm(TEXT.getString("delete.title"),
                MessageFormat.format(TEXT.getString("delete.message"), item.name()), "",
                TEXT.getString("delete.confirm"))) {
            return;
        }
        BackgroundTask.wrap(() -> rules.remove(item.name()))
                .describedAs(TEXT.getString("task.delete"))
                .onSuccess(done -> {
                    newRule();
                    reloadKeeping(-1);
                })
                .executeWith(serial);
    }

    /** Lets the user pick the export folder. */
    public void chooseExportFolder() {
        Path start = exportTo.get() == null || exportTo.get().isBlank() ? Path.of(System.getProperty("user.home"))
                : Path.of(exportTo.get());
        dialogs.chooseFolder(TEXT.getString("field.exportTo"), start)
                .ifPresent(p -> exportTo.set(p.toAbsolutePath().toString()));
    }

    private RuleConditions conditions() {
        return new RuleConditions(account.get(), provider.get(), model.get(), promptContains.get(), hasTag.get());
    }

    private RuleActions actions() {
        List<String> tags = Arrays.stream(orEmpty(addTags.get()).split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        Boolean choice = switch (notify.get()) {
            case NOTIFY -> Boolean.TRUE;
            case SILENCE -> Boolean.FALSE;
            default -> null;
        };
        return new RuleActions(tags, star.get(), exportTo.get(), nameTemplate.get(), choice);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    public ObservableList<RuleItem> items() {
        return items;
    }

    public ObjectProperty<RuleItem> selectedProperty() {
        return selected;
    }

    public Optional<RuleItem> selected() {
        return Optional.ofNullable(selected.get());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The statuses as text, e.g. "succeeded, failed". */
    public StringProperty whenProperty() {
        return when;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public ObjectProperty<ProviderKind> providerProperty() {
        return provider;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty promptContainsProperty() {
        return promptContains;
    }

    public StringProperty hasTagProperty() {
        return hasTag;
    }

    /** Tags to add, comma-separated. */
    public StringProperty addTagsProperty() {
        return addTags;
    }

    public BooleanProperty starProperty() {
        return star;
    }

    public StringProperty exportToProperty() {
        return exportTo;
    }

    public StringProperty nameTemplateProperty() {
        return nameTemplate;
    }

    public ObjectProperty<NotifyChoice> notifyProperty() {
        return notify;
    }

    /** "Matches 3 cached tasks", or why the statuses cannot be read. */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What went wrong on save (nothing was saved), or that it was saved. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The label of a saved rule in the list: "client A — when succeeded · fired 3×". */
    public static String describe(RuleItem item) {
        Rule r = item.rule();
        return MessageFormat.format(TEXT.getString("item"), r.name(),
                r.when().stream().sorted().map(TaskStatus::wireName).collect(Collectors.joining(", ")), item.fired());
    }
}
