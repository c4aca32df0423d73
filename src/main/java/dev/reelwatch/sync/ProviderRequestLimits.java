package dev.reelwatch.sync;

import dev.reelwatch.core.ProviderKind;
import dev.reelwatch.provider.ProviderException;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** Caps how many requests go to each provider kind at once and counts the requests in flight. */
final class ProviderRequestLimits {

    /** One request (or one whole listing) to a provider. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws ProviderException;
    }

    private final Map<ProviderKind, Semaphore> permits = new EnumMap<>(ProviderKind.class);
    private final AtomicInteger inFlight = new AtomicInteger();

    ProviderRequestLimits(int perProvider) {
        for (ProviderKind kind : ProviderKind.values()) {
            permits.put(kind, new Semaphore(perProvider, true));
        }
    }

    /** Runs {@code call} once a permit for {@code kind} is free; waiting ends early when the thread is interrupted. */
    <T> T call(ProviderKind kind, Call<T> call) throws ProviderException, InterruptedException {
        Semaphore s = permits.get(kind);
        s.acquire();
        inFlight.incrementAndGet();
        try {
            return call.run();
        } finally {
            inFlight.decrementAndGet();
            s.release();
        }
    }

    int inFlight() {
        return inFlight.get();
    }
}
