package com.mimeeqportal.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** The tenant's one Mimeeq key, sealed; beside it only what the admin page may show. */
@Entity
@Table(name = "tenant_api_key")
public class TenantApiKey {

    @Id
    private String id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false)
    private String ciphertext;

    @Column(nullable = false)
    private String fingerprint;

    @Column(nullable = false)
    private String last4;

    @Column(name = "set_by", nullable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "last_test_at")
    private Instant lastTestAt;

    @Column(name = "last_test_ok")
    private Boolean lastTestOk;

    @Column(name = "last_test_detail")
    private String lastTestDetail;

    @Column(name = "unauthorized_in_a_row", nullable = false)
    private int unauthorizedInARow;

    @Column(name = "invalidated_at")
    private Instant invalidatedAt;

    @Version
    private long version;

    protected TenantApiKey() {
    }

    public TenantApiKey(String ciphertext, String fingerprint, String last4, String setBy, Instant setAt) {
        this.id = UUID.randomUUID().toString();
        replace(ciphertext, fingerprint, last4, setBy, setAt);
    }

    /** A new key: whatever was known about the old one's health no longer applies. */
    public final void replace(String ciphertext, String fingerprint, String last4, String setBy, Instant setAt) {
        this.ciphertext = ciphertext;
        this.fingerprint = fingerprint;
        this.last4 = last4;
        this.setBy = setBy;
        this.setAt = setAt;
        this.lastTestAt = null;
        this.lastTestOk = null;
        this.lastTestDetail = null;
        this.unauthorizedInARow = 0;
        this.invalidatedAt = null;
    }

    /**
     * The same key sealed again under another master key (keyset rotation). Only the ciphertext changes:
     * the key, and so everything known about its health, stays as it was.
     */
    public void reseal(String ciphertext) {
        this.ciphertext = ciphertext;
    }

    public void tested(boolean ok, String detail, Instant at) {
        this.lastTestOk = ok;
        this.lastTestDetail = detail;
        this.lastTestAt = at;
    }

    /**
     * Mimeeq answered 401 again to the key with fingerprint {@code usedKey}. After {@code limit} in a row the
     * key is taken as regenerated in Mimeeq and marked invalid; returns true when this answer was the one that
     * did it. An answer to a key that has since been replaced says nothing about this one and is not counted.
     */
    public boolean unauthorized(String usedKey, int limit, Instant at) {
        if (!isThisKey(usedKey)) {
            return false;
        }
        unauthorizedInARow++;
        if (invalidatedAt == null && unauthorizedInARow >= limit) {
            invalidatedAt = at;
            return true;
        }
        return false;
    }

    public void authorized(String usedKey) {
        if (isThisKey(usedKey)) {
            unauthorizedInARow = 0;
        }
    }

    /** Whether an answer to the key with this fingerprint is about the stored key (null: not known, so yes). */
    private boolean isThisKey(String usedKey) {
        return usedKey == null || usedKey.equals(fingerprint);
    }

    public int unauthorizedInARow() {
        return unauthorizedInARow;
    }

    public boolean invalidated() {
        return invalidatedAt != null;
    }

    public Instant invalidatedAt() {
        return invalidatedAt;
    }

    public Instant lastTestAt() {
        return lastTestAt;
    }

    public Boolean lastTestOk() {
        return lastTestOk;
    }

    public String lastTestDetail() {
        return lastTestDetail;
    }

    public String ciphertext() {
        return ciphertext;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String last4() {
        return last4;
    }

    public String setBy() {
        return setBy;
    }

    public Instant setAt() {
        return setAt;
    }
}
