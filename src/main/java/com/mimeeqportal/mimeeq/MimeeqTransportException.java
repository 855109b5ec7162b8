package com.mimeeqportal.mimeeq;

import java.time.Duration;

/**
 * Mimeeq could not be used for this attempt: no HTTP answer came back (timeout, connection refused) or it
 * answered with a 5xx. The only exception the client throws, so Fault Tolerance retries exactly these
 * and counts exactly these against the circuit breaker. Carries no URL and no header, so no key can
 * ride along.
 */
public final class MimeeqTransportException extends RuntimeException {

    public enum Kind { TIMEOUT, UNREACHABLE, SERVER_ERROR }

    private final Kind kind;
    private final Duration elapsed;
    private final MimeeqHttpClient.HttpReply reply;

    public MimeeqTransportException(Kind kind, Duration elapsed) {
        this(kind, elapsed, null);
    }

    public MimeeqTransportException(MimeeqHttpClient.HttpReply serverError) {
        this(Kind.SERVER_ERROR, serverError.elapsed(), serverError);
    }

    private MimeeqTransportException(Kind kind, Duration elapsed, MimeeqHttpClient.HttpReply reply) {
        super("Mimeeq " + kind.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
        this.kind = kind;
        this.elapsed = elapsed;
        this.reply = reply;
    }

    public Kind kind() {
        return kind;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** The 5xx answer, for {@link Kind#SERVER_ERROR}. */
    public MimeeqHttpClient.HttpReply reply() {
        return reply;
    }
}
