package com.mimeeqportal.user;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.UserPreferences;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.web.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A person who signs in. Belongs to exactly one tenant; operators belong to the system tenant. */
@Entity
@Table(name = "portal_user")
public class User {

    @Id
    private String id;

    @org.hibernate.annotations.TenantId // not the portal's TenantId, imported above
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

    // The columns failed_attempts, locked_until and lockouts (V5) are no longer read: lockout is counted per
    // (account, client address) in SignInLocks, so that a guesser cannot lock the owner out.

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Copied into the session at sign-in; raising it ends every session that holds an older value. */
    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    /** A language tag of the supported languages (V8); null: the browser's language. */
    @Column(name = "language", length = 8)
    private String language;

    /** A zone id such as "Europe/Warsaw" (V8); null: UTC. */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

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

    public TenantId tenantId() {
        return new TenantId(tenantId);
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

    public String createdAtText() {
        return Times.format(createdAt);
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public int sessionEpoch() {
        return sessionEpoch;
    }

    /** The language and time zone this user chose for pages; copied into the session at sign-in. */
    public UserPreferences preferences() {
        return UserPreferences.stored(language, timeZone);
    }

    /**
     * Keeps the user's choice of language and time zone on the account, so that it follows them to every
     * browser. The value object has already refused anything but a supported language and a known zone.
     */
    public void choosePreferences(UserPreferences chosen) {
        this.language = chosen.language();
        this.timeZone = chosen.zone();
    }

    /** Disabling also ends the user's open sessions at their next request. */
    public void disable() {
        this.enabled = false;
        endSessions();
    }

    public void enable() {
        this.enabled = true;
    }

    /** The roles of a session are fixed at sign-in, so a change ends the user's sessions to take effect. */
    public void changeRole(Role newRole) {
        if (newRole == Role.OPERATOR || role == Role.OPERATOR) {
            throw new IllegalArgumentException("Operators are not made or unmade through a tenant");
        }
        if (newRole != role) {
            this.role = newRole;
            endSessions();
        }
    }

    /**
     * An admin's reset: a one-time password that must be replaced at the next sign-in. Whoever was
     * signed in with the old password is signed out.
     */
    public void resetPassword(String oneTimePasswordHash) {
        this.passwordHash = oneTimePasswordHash;
        this.mustChangePassword = true;
        endSessions();
    }

    /** Marks a password the user did not choose (a new user's one-time password). */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    /** The user's own change; {@code endOtherSessions} signs out every session holding the old epoch. */
    public void changePassword(String newHash, boolean endOtherSessions) {
        this.passwordHash = newHash;
        this.mustChangePassword = false;
        if (endOtherSessions) {
            endSessions();
        }
    }

    private void endSessions() {
        this.sessionEpoch++;
    }
}
