package com.mimeeqportal.audit;

import com.mimeeqportal.identity.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An audit event about to be written. Built with {@link #of(AuditEventType)} and finished with
 * {@link Builder#success()} or {@link Builder#error(String)}, which picks the paired {@code _ERROR}
 * type. Text fields are bounded here, so a 10,000-character typed username cannot fail the write.
 * The time is cut to microseconds, the precision PostgreSQL keeps: the hash chain covers the time, and
 * a value that changed on its way through the database would look like tampering.
 */
public record AuditEntry(Instant occurredAt, String actor, String clientIp, AuditEventType type,
                         AuditOutcome outcome, String reason, String target, String detail,
                         Integer httpStatus, Long durationMs, String correlationId) {

    public AuditEntry {
        occurredAt = Objects.requireNonNull(occurredAt).truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(type);
        Objects.requireNonNull(outcome);
        actor = bounded(actor, 254);
        clientIp = bounded(clientIp, 64);
        reason = bounded(reason, 60);
        target = bounded(target, 300);
        detail = bounded(detail, 2000);
        // Entries written outside a request (start-up, hourly jobs) get an id of their own, so every entry
        // can be named and traced in the server log the same way.
        correlationId = correlationId == null ? "job-" + java.util.UUID.randomUUID() : bounded(correlationId, 64);
    }

    public static Builder of(AuditEventType type) {
        return new Builder(type);
    }

    /**
     * At most {@code max} characters, never splitting a surrogate pair, and without NUL characters
     * (PostgreSQL refuses them in text, which would fail the write).
     */
    private static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
        if (clean.length() <= max) {
            return clean;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }

    public static final class Builder {
        private final AuditEventType type;
        private Instant occurredAt = Instant.now();
        private String actor;
        private String clientIp;
        private String target;
        private String detail;
        private Integer httpStatus;
        private Long durationMs;
        private String correlationId;

        private Builder(AuditEventType type) {
            this.type = type;
        }

        /** Fills in who, from where, and which request. */
        public Builder by(Actor actor) {
            return actor(actor.name()).clientIp(actor.clientIp()).correlationId(actor.correlationId());
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder clientIp(String clientIp) {
            this.clientIp = clientIp;
            return this;
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder httpStatus(Integer httpStatus) {
            this.httpStatus = httpStatus;
            return this;
        }

        public Builder duration(Duration duration) {
            this.durationMs = duration.toMillis();
            return this;
        }

        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        public Builder at(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        public AuditEntry success() {
            return build(type, AuditOutcome.SUCCESS, null);
        }

        public AuditEntry error(String reason) {
            return build(errorType(), AuditOutcome.FAILURE, reason);
        }

        private AuditEventType errorType() {
            try {
                return AuditEventType.valueOf(type.name() + "_ERROR");
            } catch (IllegalArgumentException unpaired) {
                return type;
            }
        }

        private AuditEntry build(AuditEventType finalType, AuditOutcome outcome, String reason) {
            return new AuditEntry(occurredAt, actor, clientIp, finalType, outcome, reason, target, detail,
                    httpStatus, durationMs, correlationId);
        }
    }
}
