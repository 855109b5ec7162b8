package com.mimeeqportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The end of one tenant's chain (and the anchor a retention purge left at its start). Appends lock this
 * row for the length of their transaction, so two writers, in one JVM or in two portal instances, can
 * never take the same sequence number or link to the same previous entry.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    /** What the first entry of a chain links to. */
    static final String GENESIS = "genesis";

    @Id
    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash")
    private String lastHash;

    @Column(name = "anchor_seq", nullable = false)
    private long anchorSeq;

    @Column(name = "anchor_hash")
    private String anchorHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AuditChainHead() {
    }

    AuditChainHead(String tenantId, Instant now) {
        this.tenantId = tenantId;
        this.updatedAt = now;
    }

    long nextSeq() {
        return lastSeq + 1;
    }

    /** The hash the next entry links to. */
    String linkHash() {
        return lastSeq == 0 ? GENESIS : lastHash;
    }

    void advance(AuditEvent appended, Instant now) {
        this.lastSeq = appended.seq();
        this.lastHash = appended.hash();
        this.updatedAt = now;
    }

    /** A purge removed every entry up to {@code seq}; the rest of the chain now links back to it. */
    void anchorAt(long seq, String hash, Instant now) {
        this.anchorSeq = seq;
        this.anchorHash = hash;
        this.updatedAt = now;
    }

    String anchorOrGenesis() {
        return anchorSeq == 0 ? GENESIS : anchorHash;
    }

    public String tenantId() { return tenantId; }
    public long lastSeq() { return lastSeq; }
    public String lastHash() { return lastHash; }
    public long anchorSeq() { return anchorSeq; }
    public String anchorHash() { return anchorHash; }
    public Instant updatedAt() { return updatedAt; }
}
