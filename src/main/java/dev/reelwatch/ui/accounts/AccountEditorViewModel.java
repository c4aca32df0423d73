package dev.reelwatch.ui.accounts;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderErrorKind;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.core.TransportSecurity;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.DuplicateAccountException;
import dev.reelwatch.sync.SyncService;
import dev.reelwatch.ui.common.BackgroundTask;
import dev.reelwatch.ui.common.DialogService;
import dev.reelwatch.ui.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The form for adding or editing one account: provider, name, base URL (the provider's default until the user
 * edits it), API key or environment variable, enabled, and, for plain HTTP to another machine, the user's explicit
 * consent to send the key and videos unencrypted. Validates inline, tests the connection in the background, and on
 * save keeps the key in the credentials file (never the database), stores the consent and tells the poller.
 */
public final class AccountEditorViewModel {
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_NAME = 80;

    private final AccountStore accounts;
    private final CredentialStore keys;
    private final PlainHttpPermissions plainHttp;
    private final Map<String, String> environment;
    private final ConnectionTester tester;
    private final SyncService sync;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ResourceBundle text = ResourceBundle.getBundle("dev.reelwatch.ui.accounts.messages");
    /** Bumped whenever the form changes, so a test result for an older draft is dropped. */
    private final AtomicLong draftVersion = new AtomicLong();

    private final ObjectProperty<ProviderKind> kind = new SimpleObjectProperty<>(this, "kind", ProviderKind.MESHAPI);
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final BooleanProperty useEnvironment = new SimpleBooleanProperty(this, "useEnvironment");
    private final StringProperty environmentVariable = new SimpleStringProperty(this, "environmentVariable", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final BooleanProperty allowPlainHttp = new SimpleBooleanProperty(this, "allowPlainHttp");
    private final ReadOnlyBooleanWrapper plainHttpApplies = new ReadOnlyBooleanWrapper(this, "plainHttpApplies");
    private final ReadOnlyStringWrapper plainHttpError = new ReadOnlyStringWrapper(this, "plainHttpError", "");

    private final ReadOnlyObjectWrapper<Account> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
    private final ReadOnlyStringWrapper baseUrlError = new ReadOnlyStringWrapper(this, "baseUrlError", "");
    private final ReadOnlyStringWrapper keyError = new ReadOnlyStringWrapper(this, "keyError", "");
    private final ReadOnlyStringWrapper keyHint = new ReadOnlyStringWrapper(this, "keyHint", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyObjectWrapper<TestState> testState =
            new ReadOnlyObjectWrapper<>(this, "testState", TestState.IDLE);
    private final ReadOnlyStringWrapper testMessage = new ReadOnlyStringWrapper(this, "testMessage", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");

    // Errors show once a field was touched or a save was tried, not on a fresh empty form.
    private boolean nameTouched;
    private boolean urlTouched;
    private boolean keyTouched;
    /** The consent error shows once a save or a connection test needed it, not while the URL is being typed. */
    private boolean consentNeeded;
    private boolean loading;
    private List<String> otherNames = List.of();
    private boolean savedKeyExists;
    private Consumer<Account> onSaved = a -> { };

    /**
     * @param plainHttp   which accounts may use plain HTTP to another machine
     * @param environment the process environment ({@code System.getenv()}), for keys read from a variable
     * @param executor    runs store writes and connection tests off the FX thread
     * @param dialogs     asks before saving an account whose connection test failed
     */
    public AccountEditorViewModel(AccountStore accounts, CredentialStore keys, PlainHttpPermissions plainHttp,
                                  Map<String, String> environment, ConnectionTester tester, SyncService sync,
                                  TaskExecutor executor, DialogService dialogs) {
        this.accounts = accounts;
        this.keys = keys;
        this.plainHttp = Objects.requireNonNull(plainHttp, "plainHttp");
        this.environment = Map.copyOf(environment);
        this.tester = tester;
        this.sync = sync;
        this.executor = executor;
        this.dialogs = dialogs;
        kind.addListener((obs, was, now) -> kindChanged(was, now));
        name.addListener(o -> touched(() -> nameTouched = true));
        baseUrl.addListener(o -> touched(() -> urlTouched = true));
        apiKey.addListener(o -> touched(() -> keyTouched = true));
        environmentVariable.addListener(o -> touched(() -> keyTouched = true));
        useEnvironment.addListener(o -> touched(() -> { }));
        enabled.addListener(o -> touched(() -> { }));
        allowPlainHttp.addListener(o -> touched(() -> { }));
        startNew();
    }

    public ObjectProperty<ProviderKind> kindProperty() {
        return kind;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    /** The key typed by the user; empty when editing means "keep the saved key". */
    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** Read the key from an environment variable instead of storing it. */
    public BooleanProperty useEnvironmentProperty() {
        return useEnvironment;
    }

    public StringProperty environmentVariableProperty() {
        return environmentVariable;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The user allows plain HTTP (unencrypted) to this server; only asked when {@link #plainHttpAppliesProperty()}. */
    public BooleanProperty allowPlainHttpProperty() {
        return allowPlainHttp;
    }

    /** Whether the base URL is plain HTTP to another machine, so the consent checkbox and its warning show. */
    public ReadOnlyBooleanProperty plainHttpAppliesProperty() {
        return plainHttpApplies.getReadOnlyProperty();
    }

    /** Why the form cannot be saved or tested without the consent; empty until a save or test needed it. */
    public ReadOnlyStringProperty plainHttpErrorProperty() {
        return plainHttpError.getReadOnlyProperty();
    }

    /** The saved account being edited; null for a new one. */
    public ReadOnlyObjectProperty<Account> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** "Add account" or "Edit “studio”". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty baseUrlErrorProperty() {
        return baseUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    /** Advice under the key field that is not an error ("Leave empty to keep the saved key"). */
    public ReadOnlyStringProperty keyHintProperty() {
        return keyHint.getReadOnlyProperty();
    }

    /** Whether the form could be saved as it is (independent of which errors are shown yet). */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestState> testStateProperty() {
        return testState.getReadOnlyProperty();
    }

    /** "Connected — 24 tasks visible" or "Authentication failed — …". */
    public ReadOnlyStringProperty testMessageProperty() {
        return testMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** Called on the UI executor with the stored account after a successful save. */
    public void setOnSaved(Consumer<Account> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved, "onSaved");
    }

    /** Clears the form for a new account of the default provider. */
    public void startNew() {
        fill(null, ProviderKind.MESHAPI, "", ProviderKind.MESHAPI.defaultBaseUrl().toString(), false, "", true, false);
    }

    /** Fills the form with a saved account. The key field stays empty: the saved key is kept unless replaced. */
    public void edit(Account account) {
        boolean env = account.credential().source() == CredentialRef.Source.ENVIRONMENT;
        boolean fileKey = account.credential().source() == CredentialRef.Source.CREDENTIALS_FILE;
        fill(account, account.provider(), account.name(), account.baseUrl().toString(), env,
                env ? account.credential().name() : "", account.enabled(), fileKey);
        BackgroundTask.wrap(() -> plainHttp.isAllowed(account.name()))
                .describedAs("Reading the account's plain-HTTP consent")
                .onSuccess(allowed -> {
                    if (editing.get() == account) {
                        loading = true;
                        try {
                            allowPlainHttp.set(allowed);
                        } finally {
                            loading = false;
                        }
                        validate();
                    }
                })
                .executeWith(executor);
        if (fileKey) {
            String keyName = account.credential().name();
            BackgroundTask.wrap(() -> keys.get(keyName).isPresent())
                    .describedAs("Reading the saved key")
                    .onSuccess(exists -> {
                        if (editing.get() == account) {
                            savedKeyExists = exists;
                            validate();
                        }
                    })
                    .executeWith(executor);
        }
    }

    private void fill(Account account, ProviderKind k, String n, String url, boolean env, String variable,
                      boolean on, boolean fileKey) {
        loading = true;
        try {
            editing.set(account);
            kind.set(k);
            name.set(n);
            baseUrl.set(url);
            apiKey.set("");
            useEnvironment.set(env);
            environmentVariable.set(variable);
            enabled.set(on);
            allowPlainHttp.set(false);
            consentNeeded = false;
            savedKeyExists = fileKey;
            nameTouched = account != null;
            urlTouched = account != null;
            keyTouched = account != null;
            title.set(account == null ? text.getString("editor.titleNew")
                    : MessageFormat.format(text.getString("editor.titleEdit"), account.name()));
            saveError.set("");
            resetTest();
        } finally {
            loading = false;
        }
        long excluded = account == null ? -1 : account.id();
        BackgroundTask.wrap(() -> accounts.all().stream().filter(a -> a.id() != excluded).map(Account::name).toList())
                .describedAs("Reading the other accounts' names")
                .onSuccess(names -> {
                    if (editing.get() == account) {
                        otherNames = names;
                        validate();
                    }
                })
                .executeWith(executor);
        validate();
    }

    private void touched(Runnable mark) {
        if (loading) {
            return;
        }
        mark.run();
        saveError.set("");
        resetTest();
        validate();
    }

    private void resetTest() {
        draftVersion.incrementAndGet();
        testState.set(TestState.IDLE);
        testMessage.set("");
    }

    /** The base URL follows the provider's default until the user typed one of their own. */
    private void kindChanged(ProviderKind was, ProviderKind now) {
        if (now == null) {
            kind.set(was == null ? ProviderKind.MESHAPI : was);
            return;
        }
        String current = stripSlash(baseUrl.get());
        if (current.isEmpty() || was != null && current.equals(stripSlash(was.defaultBaseUrl().toString()))) {
            boolean wasTouched = urlTouched;
            baseUrl.set(now.defaultBaseUrl().toString());
            urlTouched = wasTouched;
        }
        touched(() -> { });
    }

    private static String stripSlash(String s) {
        String t = s == null ? "" : s.strip();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private void validate() {
        String nErr = nameProblem();
        String uErr = urlProblem();
        String kErr = keyProblem();
        nameError.set(nameTouched ? nErr : "");
        baseUrlError.set(urlTouched ? uErr : "");
        keyError.set(keyTouched ? kErr : "");
        keyHint.set(keyAdvice());
        boolean plain = uErr.isEmpty() && TransportSecurity.needsPlainHttpConsent(URI.create(stripSlash(baseUrl.get())));
        plainHttpApplies.set(plain);
        String cErr = consentProblem();
        plainHttpError.set(consentNeeded ? cErr : "");
        valid.set(nErr.isEmpty() && uErr.isEmpty() && kErr.isEmpty() && cErr.isEmpty());
    }

    private String consentProblem() {
        return plainHttpApplies.get() && !allowPlainHttp.get() ? text.getString("error.plainHttp") : "";
    }

    private String nameProblem() {
        String n = name.get() == null ? "" : name.get().strip();
        if (n.isEmpty()) {
            return text.getString("error.nameMissing");
        }
        if (n.length() > MAX_NAME) {
            return MessageFormat.format(text.getString("error.nameLong"), MAX_NAME);
        }
        if (otherNames.stream().anyMatch(o -> o.equalsIgnoreCase(n))) {
            return MessageFormat.format(text.getString("error.nameTaken"), n);
        }
        return "";
    }

    private String urlProblem() {
        String u = baseUrl.get() == null ? "" : baseUrl.get().strip();
        if (u.isEmpty()) {
            return text.getString("error.urlMissing");
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return text.getString("error.urlScheme");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return text.getString("error.urlHost");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                return text.getString("error.urlQuery");
            }
            return "";
        } catch (URISyntaxException e) {
            return MessageFormat.format(text.getString("error.urlInvalid"), e.getReason());
        }
    }

    private String keyProblem() {
        if (useEnvironment.get()) {
            String v = environmentVariable.get() == null ? "" : environmentVariable.get().strip();
            if (v.isEmpty()) {
                return text.getString("error.variableMissing");
            }
            if (!VARIABLE.matcher(v).matches()) {
                return text.getString("error.variableInvalid");
            }
            return "";
        }
        boolean typed = apiKey.get() != null && !apiKey.get().isBlank();
        if (!typed && kind.get().needsApiKey() && !savedKeyExists) {
            return MessageFormat.format(text.getString("error.keyMissing"), kind.get().displayName());
        }
        return "";
    }

    private String keyAdvice() {
        if (useEnvironment.get()) {
            String v = environmentVariable.get() == null ? "" : environmentVariable.get().strip();
            if (!v.isEmpty() && VARIABLE.matcher(v).matches() && !environment.containsKey(v)) {
                return MessageFormat.format(text.getString("hint.variableUnset"), v);
            }
            return text.getString("hint.variable");
        }
        if (savedKeyExists) {
            return text.getString("hint.keepKey");
        }
        if (!kind.get().needsApiKey()) {
            return MessageFormat.format(text.getString("hint.keyOptional"), kind.get().displayName());
        }
        return text.getString("hint.keyStored");
    }

    /** Tries the form's provider, URL and key in the background; the result lands in the test properties. */
    public void testConnection() {
        urlTouched = true;
        keyTouched = true;
        validate();
        if (!urlProblem().isEmpty() || !keyProblem().isEmpty()) {
            testState.set(TestState.FAILED);
            testMessage.set(text.getString("test.fixFirst"));
            return;
        }
        if (!consentProblem().isEmpty()) {
            // Refused here exactly as the poller would refuse it, before the key goes anywhere.
            consentNeeded = true;
            validate();
            testState.set(TestState.FAILED);
            testMessage.set(describe(ConnectionTestResult.failed(ProviderErrorKind.INSECURE,
                    text.getString("test.plainHttp"))));
            return;
        }
        long version = draftVersion.incrementAndGet();
        Account draft = draft(credentialForDraft());
        Account original = editing.get();
        String typedKey = typedKey();
        boolean env = useEnvironment.get();
        String variable = environmentVariable.get().strip();
        testState.set(TestState.RUNNING);
        testMessage.set(text.getString("test.running"));
        BackgroundTask.wrap(() -> {
            String key = env ? environment.get(variable)
                    : typedKey != null ? typedKey
                    : savedKey(original).orElse(null);
            return tester.test(draft, key);
        }).describedAs("Testing the connection")
                .onSuccess(result -> {
                    if (draftVersion.get() == version) {
                        testState.set(result.connected() ? TestState.CONNECTED : TestState.FAILED);
                        testMessage.set(describe(result));
                    }
                })
                .onFailure(e -> {
                    if (draftVersion.get() == version) {
                        testState.set(TestState.FAILED);
                        testMessage.set(MessageFormat.format(text.getString("test.crashed"),
                                String.valueOf(e.getMessage())));
                    }
                })
                .executeWith(executor);
    }

    /** "Connected — 24 tasks visible" or "Authentication failed — the key was refused". */
    String describe(ConnectionTestResult r) {
        if (r.connected()) {
            String key = r.moreVisible() ? "test.connectedMore" : "test.connected";
            return MessageFormat.format(text.getString(key), r.tasksVisible());
        }
        String said = hereNotThere(r.message());
        return said.isBlank() ? r.errorKind().title() : r.errorKind().title() + " — " + said;
    }

    /**
     * The provider layer's messages are written for the main window ("Check the key in Accounts."); in this
     * dialog the key is right here, so the hint points at the form instead of sending the user where they are.
     */
    static String hereNotThere(String message) {
        return message.replace("Check the key in Accounts.", "Check the key above.")
                .replace(" in Accounts", " above");
    }

    private Optional<String> savedKey(Account original) {
        if (original == null || original.credential().source() != CredentialRef.Source.CREDENTIALS_FILE) {
            return Optional.empty();
        }
        return keys.get(original.credential().name());
    }

    private String typedKey() {
        String k = apiKey.get();
        return k == null || k.isBlank() ? null : k.strip();
    }

    private CredentialRef credentialForDraft() {
        String n = name.get().strip().isEmpty() ? kind.get().displayName() : name.get().strip();
        if (useEnvironment.get()) {
            return CredentialRef.environment(environmentVariable.get().strip());
        }
        if (typedKey() != null || savedKeyExists) {
            return CredentialRef.credentialsFile(n);
        }
        return CredentialRef.none();
    }

    private Account draft(CredentialRef credential) {
        Account original = editing.get();
        String n = name.get().strip().isEmpty() ? kind.get().displayName() : name.get().strip();
        return new Account(original == null ? 0 : original.id(), kind.get(), n,
                URI.create(stripSlash(baseUrl.get())), credential, enabled.get(),
                original != null && original.demo());
    }

    /**
     * Validates and saves in the background: the key goes to the credentials file under the account's name,
     * the account to the store; then the poller is told. Errors land in {@link #saveErrorProperty()}.
     */
    public void save() {
        nameTouched = true;
        urlTouched = true;
        keyTouched = true;
        consentNeeded = true;
        validate();
        if (!valid.get() || saving.get()) {
            return;
        }
        // A failed test is the best hint there is that the poller will fail too: ask before keeping it.
        if (testState.get() == TestState.FAILED && !testMessage.get().isBlank()
                && !dialogs.confirm(text.getString("saveFailed.title"), text.getString("saveFailed.message"),
                        testMessage.get(), text.getString("saveFailed.confirm"))) {
            return;
        }
        Account original = editing.get();
        CredentialRef credential = credentialForDraft();
        Account draft = draft(credential);
        String typedKey = typedKey();
        boolean allowPlain = plainHttpApplies.get() && allowPlainHttp.get();
        saving.set(true);
        saveError.set("");
        BackgroundTask.wrap(() -> store(original, draft, typedKey, allowPlain))
                .describedAs("Saving the account")
                .onSuccess(result -> {
                    edit(result);
                    onSaved.accept(result);
                })
                .onFailure(e -> saveError.set(e instanceof DuplicateAccountException
                        ? MessageFormat.format(text.getString("error.nameTaken"), draft.name())
                        : String.valueOf(e.getMessage())))
                .onFinished(() -> saving.set(false))
                .executeWith(executor);
    }

    private Account store(Account original, Account draft, String typedKey, boolean allowPlain) {
        CredentialRef was = original == null ? CredentialRef.none() : original.credential();
        CredentialRef now = draft.credential();
        if (now.source() == CredentialRef.Source.CREDENTIALS_FILE) {
            String key = typedKey != null ? typedKey : keys.get(was.name()).orElse(null);
            if (key != null) {
                keys.put(now.name(), key);
            }
        }
        Account saved;
        if (original == null) {
            saved = accounts.add(draft);
        } else {
            accounts.update(draft);
            saved = draft;
        }
        // The old entry goes only after the account points elsewhere, so a failed save loses no key.
        if (was.source() == CredentialRef.Source.CREDENTIALS_FILE
                && !(now.source() == CredentialRef.Source.CREDENTIALS_FILE && now.name().equals(was.name()))) {
            keys.remove(was.name());
        }
        // Kept by name: a renamed account takes its consent along; a URL that needs none keeps none.
        if (original != null && !original.name().equalsIgnoreCase(saved.name())) {
            plainHttp.set(original.name(), false);
        }
        plainHttp.set(saved.name(), allowPlain);
        sync.accountsChanged();
        sync.refreshAccount(saved.id());
        return saved;
    }

    /** For the view's ComboBox: every provider, in a stable order. */
    public List<ProviderKind> providers() {
        return List.of(ProviderKind.values());
    }
}
