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

    @Version
    private long version;

    protected TenantApiKey() {
    }

    public TenantApiKey(String ciphertext, String fingerprint, String last4, String setBy, Instant setAt) {
        this.id = UUID.randomUUID().toString();
        replace(ciphertext, fingerprint, last4, setBy, setAt);
    }

    public final void replace(String ciphertext, String fingerprint, String last4, String setBy, Instant setAt) {
        this.ciphertext = ciphertext;
        this.fingerprint = fingerprint;
        this.last4 = last4;
        this.setBy = setBy;
        this.setAt = setAt;
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
