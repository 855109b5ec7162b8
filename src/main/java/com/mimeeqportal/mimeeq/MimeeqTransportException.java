package com.mimeeqportal.mimeeq;

import java.time.Duration;

/** No HTTP answer came back. Carries no URL and no header, so no key can ride along. */
public final class MimeeqTransportException extends RuntimeException {

    public enum Kind { TIMEOUT, UNREACHABLE }

    private final Kind kind;
    private final Duration elapsed;

    public MimeeqTransportException(Kind kind, Duration elapsed) {
        super("Mimeeq " + kind.name().toLowerCase(java.util.Locale.ROOT), null, false, false);
        this.kind = kind;
        this.elapsed = elapsed;
    }

    public Kind kind() {
        return kind;
    }

    public Duration elapsed() {
        return elapsed;
    }
}
