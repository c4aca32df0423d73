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
    /** The body trickles out slowly, a few bytes at a time (see {@link SimFaults#drip}). */
    SLOW_DRIP,
    /** 401 {@code {"detail":"Invalid API key"}}, as if the key had been revoked. */
    UNAUTHORIZED,
    /** 403: the key is valid but may not do this. */
    FORBIDDEN,
    /** 404 on every route, as a wrong base URL or a removed API version answers. */
    NOT_FOUND,
    /** 422 with a FastAPI validation body. */
    UNPROCESSABLE,
    /** An HTTP status no API doc mentions (418). */
    UNKNOWN_STATUS,
    /** Holds the answer back for {@link SimFaults#hangFor()}, longer than a client's request timeout. */
    HANG,
    /** The right body followed by 20 MB of JSON whitespace: still valid, just huge. */
    HUGE_BODY
}
