package dev.reelwatch.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an {@link InputStream} that never blocks past its limits: a read waits at most
 * {@code inactivity} for the next bytes and never past the deadline, so a server that sends its headers and
 * then drips (or stops) cannot hold a sync or a download forever. Subscribe it to the publisher of
 * {@link java.net.http.HttpResponse.BodyHandlers#ofPublisher()}; closing it cancels the transfer.
 *
 * <p>Limits are real time ({@link System#nanoTime}), not the injected clock: they guard against a real
 * socket that stalls.
 */
public final class TimedBody extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    /** The body did not arrive within its limits; {@link #inactive()} tells a stall from a too-slow whole. */
    public static final class TimeoutException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean inactive;

        TimeoutException(String message, boolean inactive) {
            super(message);
            this.inactive = inactive;
        }

        /** True when no byte came for the inactivity limit; false when the overall deadline passed. */
        public boolean inactive() {
            return inactive;
        }
    }

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final Duration inactivity;
    private volatile long deadlineNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean ended;
    private boolean closed;

    /**
     * @param inactivity longest wait for the next bytes
     * @param deadlineNanos the {@link System#nanoTime} after which no read waits any more
     */
    public TimedBody(Duration inactivity, long deadlineNanos) {
        this.inactivity = inactivity;
        this.deadlineNanos = deadlineNanos;
    }

    /** Moves the overall deadline (e.g. once the size is known); a {@link System#nanoTime} value. */
    public void deadline(long nanos) {
        this.deadlineNanos = nanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrivals.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        arrivals.add(throwable);
    }

    @Override
    public void onComplete() {
        arrivals.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.hasRemaining()) {
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (ended) {
                return -1;
            }
            if (closed) {
                throw new IOException("the body was closed");
            }
            awaitNext();
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @SuppressWarnings("unchecked")
    private void awaitNext() throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            cancel();
            throw new TimeoutException("the transfer took longer than allowed", false);
        }
        long wait = Math.min(left, inactivity.toNanos());
        Object next;
        try {
            next = arrivals.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new InterruptedIOException("interrupted while waiting for the body");
        }
        if (next == null) {
            cancel();
            boolean inactive = wait < left;
            throw new TimeoutException(inactive
                    ? "no data arrived for " + inactivity.toSeconds() + " s"
                    : "the transfer took longer than allowed", inactive);
        }
        if (next == END) {
            ended = true;
            return;
        }
        if (next instanceof Throwable t) {
            ended = true;
            throw t instanceof IOException io ? io : new IOException(String.valueOf(t.getMessage()), t);
        }
        buffers = ((List<ByteBuffer>) next).iterator();
        Flow.Subscription s = subscription;
        if (s != null) {
            s.request(1);
        }
    }

    private void cancel() {
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void close() {
        if (!ended) {
            cancel();
        }
        ended = true;
    }
}
