package dev.reelwatch.sync;

import dev.reelwatch.core.ProviderKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProviderRequestLimitsTest {

    @Test
    void noMoreRequestsPerProviderKindThanAllowedWhileOtherKindsGoAhead() throws Exception {
        ProviderRequestLimits limits = new ProviderRequestLimits(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Thread t = new Thread(() -> {
                try {
                    limits.call(ProviderKind.MESHAPI, () -> {
                        most.accumulateAndGet(running.incrementAndGet(), Math::max);
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        running.decrementAndGet();
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        SyncTestbed.await("two MeshAPI requests in flight", Duration.ofSeconds(5),
                () -> limits.inFlight() == 2);
        assertEquals("other", limits.call(ProviderKind.HEDRA, () -> "other"), "another provider is not held up");
        release.countDown();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertEquals(2, most.get());
        assertEquals(0, limits.inFlight());
        assertTrue(threads.stream().noneMatch(Thread::isAlive));
    }
}
