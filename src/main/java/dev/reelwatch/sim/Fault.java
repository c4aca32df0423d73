package dev.reelwatch.sim;

/** Trouble a simulator can be told to make, per server, to test how Reelwatch copes. */
public enum Fault {
    /** Adds {@link SimFaults#latency()} before every answer. */
    LATENCY,
    /** 429 with Retry-After {@link SimFaults#retryAfterSeconds()}. */
    RATE_LIMIT,
    /** 500 with an HTML body. */
    SERVER_ERROR,
    /** 502 with an HTML body, as a gateway in front of a dead upstream answers. */
    BAD_GATEWAY,
    /** 503 with an HTML body. */
    UNAVAILABLE,
    /** 501 {@code not_implemented}, as Phaseo answers today. */
    DISABLED,
    /** A body that is not JSON at all. */
    MALFORMED_JSON,
    /** The right body cut in half, with a matching Content-Length. */
    TRUNCATED_JSON,
    /** Headers promise the whole body, then the connection is closed midway. */
    CONNECTION_RESET,
    /** The body trickles out slowly, a few bytes at a time. */
    SLOW_DRIP
}
