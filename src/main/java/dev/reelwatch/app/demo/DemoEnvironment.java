package dev.reelwatch.app.demo;

import dev.reelwatch.core.Account;
import dev.reelwatch.core.CredentialRef;
import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.sim.HedraSimulator;
import dev.reelwatch.sim.MeshApiSimulator;
import dev.reelwatch.sim.MoneyPrinterSimulator;
import dev.reelwatch.sim.PhaseoSimulator;
import dev.reelwatch.sim.SimScenario;
import dev.reelwatch.sim.SimServer;
import dev.reelwatch.sim.SimTask;
import dev.reelwatch.store.AccountStore;
import dev.reelwatch.store.CredentialStore;
import dev.reelwatch.store.SettingsStore;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Demo mode: runs the built-in simulators of all four providers on loopback, with a week of finished history and
 * a few jobs that start, progress and finish within the first minute, and points accounts marked demo at them.
 * On later starts the simulators come back on new ports and the demo accounts are re-pointed; the history the
 * cache holds stays. {@link #close()} stops the simulators (call it when the app exits).
 */
public final class DemoEnvironment implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DemoEnvironment.class.getName());
    /** When the demo history was first made: kept so the same history comes back on every start. */
    static final String ANCHOR_SETTING = "demo.historyAnchor";
    static final Duration LIVE_WITHIN = Duration.ofSeconds(15);
    private static final int LIVE_TASKS = 4;

    private final AccountStore accounts;
    private final SettingsStore settings;
    private final CredentialStore keys;
    private final Clock clock;
    private final Map<ProviderKind, SimServer> servers = new EnumMap<>(ProviderKind.class);

    public DemoEnvironment(AccountStore accounts, SettingsStore settings, CredentialStore keys, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
    }

    /** The account name the demo uses for a provider: "Demo · MeshAPI". */
    public static String accountName(ProviderKind kind) {
        return "Demo · " + kind.displayName();
    }

    /** The fixed key each demo simulator accepts (none for MoneyPrinterTurbo, which has no key by default). */
    public static Optional<String> apiKey(ProviderKind kind) {
        return kind.needsApiKey() ? Optional.of("demo-" + kind.cliName() + "-key") : Optional.empty();
    }

    /** Whether the cache holds demo accounts, i.e. the demo should resume at start-up. */
    public boolean hasDemoAccounts() {
        return accounts.all().stream().anyMatch(Account::demo);
    }

    /**
     * Starts the four simulators (if not running) and adds the demo accounts, or re-points existing ones at the
     * new ports. Returns the demo accounts; the caller then tells the poller ({@code accountsChanged()}).
     */
    public synchronized List<Account> start() {
        if (servers.isEmpty()) {
            try {
                startServers();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        List<Account> result = new ArrayList<>();
        for (ProviderKind kind : ProviderKind.values()) {
            result.add(pointAccount(kind, servers.get(kind).baseUrl()));
        }
        return result;
    }

    /** At start-up: if demo accounts exist, starts the simulators and re-points them; returns whether it did. */
    public boolean resumeIfPresent() {
        if (!hasDemoAccounts()) {
            return false;
        }
        start();
        return true;
    }

    public synchronized boolean isRunning() {
        return !servers.isEmpty();
    }

    /** Where each running simulator listens; empty when stopped. */
    public synchronized Map<ProviderKind, URI> baseUrls() {
        Map<ProviderKind, URI> out = new EnumMap<>(ProviderKind.class);
        servers.forEach((k, s) -> out.put(k, s.baseUrl()));
        return out;
    }

    @Override
    public synchronized void close() {
        for (SimServer s : servers.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a demo simulator did not stop cleanly", e);
            }
        }
        servers.clear();
    }

    private void startServers() {
        Instant now = clock.instant();
        Instant anchor = historyAnchor(now);
        MeshApiSimulator mesh = new MeshApiSimulator(clock, apiKey(ProviderKind.MESHAPI).orElseThrow(),
                tasks(11, anchor, now, 24, List.of("seedance-1-0-pro-250528", "seedance-1-0-lite-t2v-250428")));
        // MeshAPI's schema has no prompt; the demo adds one so its rows read like the others.
        mesh.setIncludePrompt(true);
        servers.put(ProviderKind.MESHAPI, mesh.start());
        PhaseoSimulator phaseo = new PhaseoSimulator(clock, apiKey(ProviderKind.PHASEO).orElseThrow(),
                tasks(23, anchor, now, 18, List.of("openai/sora-2", "google/veo-3", "bytedance/seedance-1-pro")));
        // The real Phaseo has its video API switched off; the demo shows what it looks like when it is on.
        phaseo.setVideoApiEnabled(true);
        phaseo.setIncludePrompt(true);
        servers.put(ProviderKind.PHASEO, phaseo.start());
        servers.put(ProviderKind.MONEYPRINTERTURBO, new MoneyPrinterSimulator(clock,
                tasks(37, anchor, now, 16, List.of("gpt-4o-mini", "deepseek-chat"))).start());
        servers.put(ProviderKind.HEDRA, new HedraSimulator(clock, apiKey(ProviderKind.HEDRA).orElseThrow(),
                tasks(41, anchor, now, 20, List.of("Character-3", "Kling 2.1", "Veo 3 Fast"))).start());
    }

    /** History from a fixed seed and anchor (the same tasks every start) plus fresh live jobs for this start. */
    private static List<SimTask> tasks(long seed, Instant anchor, Instant now, int history, List<String> models) {
        List<SimTask> all = new ArrayList<>(new SimScenario(seed, anchor).generate(models, history, 0, Duration.ZERO));
        all.addAll(new SimScenario(seed * 1_000_003L + now.toEpochMilli(), now)
                .generate(models, 0, LIVE_TASKS, LIVE_WITHIN));
        return all;
    }

    private Instant historyAnchor(Instant now) {
        Optional<Instant> saved = settings.get(ANCHOR_SETTING).flatMap(DemoEnvironment::parseInstant);
        if (saved.isPresent()) {
            return saved.get();
        }
        settings.put(ANCHOR_SETTING, now.toString());
        return now;
    }

    private static Optional<Instant> parseInstant(String s) {
        try {
            return Optional.of(Instant.parse(s.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Account pointAccount(ProviderKind kind, URI baseUrl) {
        Optional<Account> existing = accounts.all().stream()
                .filter(a -> a.demo() && a.provider() == kind).findFirst();
        if (existing.isPresent()) {
            Account a = existing.get();
            Account repointed = new Account(a.id(), kind, a.name(), baseUrl, credential(kind, a.name()), a.enabled(),
                    true);
            accounts.update(repointed);
            return repointed;
        }
        String name = freeName(accountName(kind));
        return accounts.add(new Account(0, kind, name, baseUrl, credential(kind, name), true, true));
    }

    /** Stores the demo key under the demo account's own name (a renamed demo account brings its new name). */
    private CredentialRef credential(ProviderKind kind, String accountName) {
        Optional<String> key = apiKey(kind);
        key.ifPresent(k -> keys.put(accountName, k));
        return key.isPresent() ? CredentialRef.credentialsFile(accountName) : CredentialRef.none();
    }

    /** The demo name, or "Demo · MeshAPI (2)" when the user already took it for an account of their own. */
    private String freeName(String name) {
        String candidate = name;
        for (int n = 2; accounts.byName(candidate).isPresent(); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }
}
