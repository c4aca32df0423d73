package dev.reelwatch.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands back to the OS the heap that reading the cache grew, once the rows are in. One concurrent cycle
 * ({@code System.gc()} under {@code -XX:+ExplicitGCInvokesConcurrent}) only marks the load's garbage: G1 frees
 * old regions in the mixed collections that follow, and those ride on young collections, which an idle window
 * does not cause. So for a short while G1's periodic collection (JEP 346, {@code G1PeriodicGCInterval}, which
 * the JVM lets a running program change) comes every two seconds, driving the mixed collections and shrinking
 * the heap at each cycle's end; then it comes once a minute of idleness, to return what later bursts grew (at a
 * million tasks a cycle costs about 0.2 s of one core). A second {@code System.gc()} would not do: a cycle asked
 * for by the program abandons the mixed collections under way.
 */
final class HeapSettling {
    static final String PERIODIC_INTERVAL = "G1PeriodicGCInterval";
    static final long SETTLING_MILLIS = 2_000;
    static final long SETTLED_MILLIS = 60_000;
    /** How long the frequent collections last: at a million tasks the heap stops shrinking after ~20 s. */
    static final int WINDOW_SECONDS = 45;
    private static final Logger LOG = Logger.getLogger(HeapSettling.class.getName());

    /** The JVM's writable options, as far as this class needs them. */
    interface VmOptions {
        /** Whether the option is still at its default (the user did not set it on the command line). */
        boolean isDefault(String name);

        void set(String name, String value);
    }

    private final Supplier<VmOptions> optionsSource;
    private final Runnable collect;
    private VmOptions options;
    private boolean ours;

    /** @param options read on the first {@link #begin} (the management classes load off the FX thread) */
    HeapSettling(Supplier<VmOptions> options, Runnable collect) {
        this.optionsSource = options;
        this.collect = collect;
    }

    /** This JVM's options through its HotSpot diagnostic bean. */
    static VmOptions hotSpot() {
        HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return new VmOptions() {
            @Override
            public boolean isDefault(String name) {
                return bean.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT;
            }

            @Override
            public void set(String name, String value) {
                bean.setVMOption(name, value);
            }
        };
    }

    /** After the load: one concurrent cycle, then periodic collections every two seconds (background thread). */
    synchronized void begin() {
        collect.run();
        ours = setInterval(SETTLING_MILLIS);
        if (!ours) {
            LOG.fine(() -> "the heap settles without periodic collections");
        }
    }

    /** At the end of the window: periodic collections only after a minute without any (background thread). */
    synchronized void end() {
        if (ours) {
            setInterval(SETTLED_MILLIS);
        }
    }

    /** Sets the interval unless the user chose one; false when it was not ours to set or could not be set. */
    private boolean setInterval(long millis) {
        try {
            if (options == null) {
                options = optionsSource.get();
            }
            if (!options.isDefault(PERIODIC_INTERVAL) && !ours) {
                return false;
            }
            options.set(PERIODIC_INTERVAL, Long.toString(millis));
            return true;
        } catch (RuntimeException | LinkageError e) {
            // A JVM without the option or the management module, or one that refuses it: the heap settles more
            // slowly, that is all.
            LOG.log(Level.FINE, "cannot set " + PERIODIC_INTERVAL, e);
            return false;
        }
    }
}
