package com.mimeeqportal.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A person who signs in. Belongs to exactly one tenant; operators belong to the system tenant. */
@Entity
@Table(name = "portal_user")
public class User {

    @Id
    private String id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected User() {
    }

    public User(Username username, String passwordHash, Role role, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.username = username.value();
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public com.mimeeqportal.tenant.TenantId tenantId() {
        return new com.mimeeqportal.tenant.TenantId(tenantId);
    }

    public Username username() {
        return new Username(username);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
