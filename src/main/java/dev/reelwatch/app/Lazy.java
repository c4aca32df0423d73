package dev.reelwatch.app;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A value made the first time it is asked for (on the FX thread: not thread-safe), e.g. a window not yet opened. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> make;
    private T value;

    Lazy(Supplier<? extends T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }

    /** Runs {@code action} on the value only if it was made: closing what was never opened makes nothing. */
    void ifBuilt(Consumer<? super T> action) {
        if (value != null) {
            action.accept(value);
        }
    }
}
