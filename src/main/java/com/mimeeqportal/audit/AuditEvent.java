package com.mimeeqportal.audit;

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
import org.hibernate.annotations.TenantId;

/**
 * One row of the audit log. Flat and keyed by id strings (as Keycloak's event table), so an entry
 * outlives the user or tenant it names. {@link Immutable}: Hibernate never issues an UPDATE for it.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
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

    protected AuditEvent() {
    }

    AuditEvent(AuditEntry entry) {
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

    public Long id() { return id; }
    public String tenantId() { return tenantId; }
    public Instant occurredAt() { return occurredAt; }
    public String occurredAtText() { return com.mimeeqportal.web.Times.format(occurredAt); }
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
}
