package dev.reelwatch.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeapSettlingTest {
    @Test
    void thisJvmCollectsEveryTwoSecondsWhileTheHeapSettlesThenAfterIdleMinutes() {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = bean.getVMOption(HeapSettling.PERIODIC_INTERVAL).getValue();
        List<String> collections = new ArrayList<>();
        HeapSettling settling = new HeapSettling(HeapSettling::hotSpot, () -> collections.add("gc"));
        try {
            settling.begin();
            assertEquals(List.of("gc"), collections);
            assertEquals("2000", bean.getVMOption(HeapSettling.PERIODIC_INTERVAL).getValue());
            settling.end();
            assertEquals("60000", bean.getVMOption(HeapSettling.PERIODIC_INTERVAL).getValue());
        } finally {
            bean.setVMOption(HeapSettling.PERIODIC_INTERVAL, before);
        }
    }

    @Test
    void anIntervalTheUserChoseIsLeftAlone() {
        FakeOptions options = new FakeOptions(false);
        HeapSettling settling = new HeapSettling(() -> options, () -> { });
        settling.begin();
        settling.end();
        assertEquals(Map.of(), options.set);
    }

    @Test
    void aJvmThatRefusesTheOptionStillGetsItsCollection() {
        List<String> collections = new ArrayList<>();
        HeapSettling settling = new HeapSettling(() -> new HeapSettling.VmOptions() {
            @Override
            public boolean isDefault(String name) {
                throw new IllegalArgumentException("no such option: " + name);
            }

            @Override
            public void set(String name, String value) {
                throw new AssertionError("not settable");
            }
        }, () -> collections.add("gc"));
        settling.begin();
        settling.end();
        assertEquals(List.of("gc"), collections);
    }

    private static final class FakeOptions implements HeapSettling.VmOptions {
        private final boolean atDefault;
        private final Map<String, String> set = new HashMap<>();

        FakeOptions(boolean atDefault) {
            this.atDefault = atDefault;
        }

        @Override
        public boolean isDefault(String name) {
            return atDefault && !set.containsKey(name);
        }

        @Override
        public void set(String name, String value) {
            set.put(name, value);
        }
    }
}
