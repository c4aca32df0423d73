package dev.reelwatch.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how hard the poller works. Cadence decisions are made on the injected clock; only
 * {@code tick} (how often the scheduler wakes up to look for due work) is real time.
 *
 * @param fastInterval          first refresh interval of a non-terminal task when the provider gives no hint
 * @param maxFastInterval       the interval grows gently up to this while a task shows no change
 * @param listInterval          how often an account's list is read to discover new tasks
 * @param disabledRecheckInterval how often a provider that answered 501 (disabled) is asked again
 * @param backoffBase           first delay after an account's pass failed; doubles per further failure
 * @param backoffCap            longest backoff (also how often an offline account retries)
 * @param perProviderConcurrency most requests in flight at once per provider kind
 * @param discoveryMargin       incremental listings start this long before the newest cached task
 * @param pageSize              page size asked for when listing
 * @param workerThreads         most accounts polled at the same time
 * @param tick                  how often the scheduler looks for due work (real time)
 * @param maxPagesPerPass       most list pages one pass reads per account; the rest waits for the next pass
 * @param maxListingTime        longest one account's listing may take in a pass (on the injected clock)
 */
public record SyncSettings(Duration fastInterval, Duration maxFastInterval, Duration listInterval,
                           Duration disabledRecheckInterval, Duration backoffBase, Duration backoffCap,
                           int perProviderConcurrency, Duration discoveryMargin, int pageSize, int workerThreads,
                           Duration tick, int maxPagesPerPass, Duration maxListingTime) {

    /** 2,000 pages (200,000 tasks at the default page size) per account and pass. */
    public static final int DEFAULT_MAX_PAGES_PER_PASS = 2_000;
    /** Ten minutes of listing per account and pass. */
    public static final Duration DEFAULT_MAX_LISTING_TIME = Duration.ofMinutes(10);

    /** Settings with the default listing budget. */
    public SyncSettings(Duration fastInterval, Duration maxFastInterval, Duration listInterval,
                        Duration disabledRecheckInterval, Duration backoffBase, Duration backoffCap,
                        int perProviderConcurrency, Duration discoveryMargin, int pageSize, int workerThreads,
                        Duration tick) {
        this(fastInterval, maxFastInterval, listInterval, disabledRecheckInterval, backoffBase, backoffCap,
                perProviderConcurrency, discoveryMargin, pageSize, workerThreads, tick, DEFAULT_MAX_PAGES_PER_PASS,
                DEFAULT_MAX_LISTING_TIME);
    }

    public SyncSettings {
        requirePositive(fastInterval, "fastInterval");
        requirePositive(maxFastInterval, "maxFastInterval");
        requirePositive(listInterval, "listInterval");
        requirePositive(disabledRecheckInterval, "disabledRecheckInterval");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffCap, "backoffCap");
        requirePositive(tick, "tick");
        requirePositive(maxListingTime, "maxListingTime");
        if (maxPagesPerPass < 1) {
            throw new IllegalArgumentException("maxPagesPerPass must be at least 1");
        }
        Objects.requireNonNull(discoveryMargin, "discoveryMargin");
        if (maxFastInterval.compareTo(fastInterval) < 0) {
            throw new IllegalArgumentException("maxFastInterval must not be shorter than fastInterval");
        }
        if (perProviderConcurrency < 1 || pageSize < 1 || workerThreads < 1) {
            throw new IllegalArgumentException("concurrency, page size and worker threads must be at least 1");
        }
    }

    /** What the app uses: seconds for running tasks, minutes for discovery, half an hour for a disabled API. */
    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(3),
                Duration.ofMinutes(30), Duration.ofSeconds(2), Duration.ofSeconds(60), 4, Duration.ofMinutes(10),
                100, 16, Duration.ofMillis(250));
    }

    public SyncSettings withTick(Duration newTick) {
        return new SyncSettings(fastInterval, maxFastInterval, listInterval, disabledRecheckInterval, backoffBase,
                backoffCap, perProviderConcurrency, discoveryMargin, pageSize, workerThreads, newTick, maxPagesPerPass,
                maxListingTime);
    }

    public SyncSettings withPageSize(int newPageSize) {
        return new SyncSettings(fastInterval, maxFastInterval, listInterval, disabledRecheckInterval, backoffBase,
                backoffCap, perProviderConcurrency, discoveryMargin, newPageSize, workerThreads, tick, maxPagesPerPass,
                maxListingTime);
    }

    public SyncSettings withPerProviderConcurrency(int n) {
        return new SyncSettings(fastInterval, maxFastInterval, listInterval, disabledRecheckInterval, backoffBase,
                backoffCap, n, discoveryMargin, pageSize, workerThreads, tick, maxPagesPerPass, maxListingTime);
    }

    /** The same settings with another listing budget per account and pass. */
    public SyncSettings withListingBudget(int maxPages, Duration maxTime) {
        return new SyncSettings(fastInterval, maxFastInterval, listInterval, disabledRecheckInterval, backoffBase,
                backoffCap, perProviderConcurrency, discoveryMargin, pageSize, workerThreads, tick, maxPages, maxTime);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
