package com.mimeeqportal.tenant;

import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.web.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A customer account of the portal: one Mimeeq account, its people and its key. */
@Entity
@Table(name = "tenant")
public class Tenant {

    public enum Status { ACTIVE, SUSPENDED }

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Column(name = "mimeeq_base_url", nullable = false)
    private String mimeeqBaseUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Days audit entries are kept; 0 keeps them forever. */
    @Column(name = "audit_retention_days", nullable = false)
    private int auditRetentionDays;

    protected Tenant() {
    }

    public Tenant(TenantId id, TenantName name, MimeeqBaseUrl baseUrl, Instant createdAt) {
        this.id = id.value();
        this.name = name.value();
        this.mimeeqBaseUrl = baseUrl.value();
        this.status = Status.ACTIVE;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public String name() {
        return name;
    }

    public MimeeqBaseUrl mimeeqBaseUrl() {
        return new MimeeqBaseUrl(mimeeqBaseUrl);
    }

    public Status status() {
        return status;
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public AuditRetention auditRetention() {
        return new AuditRetention(auditRetentionDays);
    }

    public void retainAuditEntries(AuditRetention retention) {
        this.auditRetentionDays = retention.days();
    }

    public void rename(TenantName newName) {
        this.name = newName.value();
    }

    /** From now on the tenant's Mimeeq calls go to this address. */
    public void callMimeeqAt(MimeeqBaseUrl baseUrl) {
        this.mimeeqBaseUrl = baseUrl.value();
    }

    /** A suspended tenant's users cannot sign in and their sessions end; its data stays. */
    public void suspend() {
        this.status = Status.SUSPENDED;
    }

    public void resume() {
        this.status = Status.ACTIVE;
    }

    public String createdAtText() {
        return Times.format(createdAt);
    }
}
