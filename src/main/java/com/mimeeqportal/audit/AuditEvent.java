package com.mimeeqportal.audit;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.web.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One row of the audit log. Flat and keyed by id strings (as Keycloak's event table), so an entry
 * outlives the user or tenant it names. {@link Immutable}: Hibernate never issues an UPDATE for it.
 *
 * <p>Each row is a link of its tenant's hash chain: {@code seq} numbers it (1, 2, 3, … per tenant),
 * {@code prevHash} repeats the hash of the entry before it, and {@code hash} is the HMAC of its
 * {@link CanonicalForm}, which covers every other column.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // Set explicitly as well, because the hash covers it; Hibernate checks it matches the session's tenant.
    @org.hibernate.annotations.TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    private String actor;

    @Column(name = "client_ip")
    private String clientIp;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false)
    private AuditEventType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditOutcome outcome;

    private String reason;
    private String target;
    private String detail;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "correlation_id")
    private String correlationId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "prev_hash")
    private String prevHash;

    private String hash;

    protected AuditEvent() {
    }

    /** The next link of {@code tenant}'s chain; {@link #seal} gives it its hash before it is stored. */
    AuditEvent(TenantId tenant, long seq, String prevHash, AuditEntry entry) {
        this.tenantId = tenant.value();
        this.seq = seq;
        this.prevHash = prevHash;
        this.occurredAt = entry.occurredAt();
        this.actor = entry.actor();
        this.clientIp = entry.clientIp();
        this.type = entry.type();
        this.outcome = entry.outcome();
        this.reason = entry.reason();
        this.target = entry.target();
        this.detail = entry.detail();
        this.httpStatus = entry.httpStatus();
        this.durationMs = entry.durationMs();
        this.correlationId = entry.correlationId();
    }

    /** For entries written before the chain existed: link and hash in memory; the caller stores both. */
    AuditEvent sealAfter(String prevHash, ChainMac mac) {
        this.prevHash = prevHash;
        return seal(mac);
    }

    AuditEvent seal(ChainMac mac) {
        this.hash = mac.tag(CanonicalForm.of(this));
        return this;
    }

    public Long id() { return id; }
    public String tenantId() { return tenantId; }
    public Instant occurredAt() { return occurredAt; }
    public String occurredAtText() { return Times.format(occurredAt); }
    public String actor() { return actor; }
    public String clientIp() { return clientIp; }
    public AuditEventType type() { return type; }
    public AuditOutcome outcome() { return outcome; }
    public String reason() { return reason; }
    public String target() { return target; }
    public String detail() { return detail; }
    public Integer httpStatus() { return httpStatus; }
    public Long durationMs() { return durationMs; }
    public String correlationId() { return correlationId; }
    public long seq() { return seq; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
}
