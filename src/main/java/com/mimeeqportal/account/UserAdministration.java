package com.mimeeqportal.account;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.Username;
import com.mimeeqportal.user.GeneratedPasswords;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An account admin's work on the users of their own tenant. Every change is audited in that tenant; an
 * id that names no user there (another tenant's, or nobody's) is refused as unknown and audited as
 * ACCESS_DENIED. Changes that could remove an admin lock the tenant's enabled admins first, so two
 * admins disabling each other at the same moment cannot both succeed.
 */
@ApplicationScoped
public class UserAdministration {

    private static final Pattern ID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Users users;
    private final AuditLog audit;
    private final SignInLocks locks;

    @Inject
    public UserAdministration(Users users, AuditLog audit, SignInLocks locks) {
        this.users = users;
        this.audit = audit;
        this.locks = locks;
    }

    protected UserAdministration() {
        this(null, null, null);
    }

    /** The end of the user's latest sign-in lock, from whichever address caused it. */
    public Optional<Instant> lockedUntil(User user) {
        return locks.lockedUntilAnywhere(user.id());
    }

    public List<User> list(Actor admin) {
        return users.all(admin.tenant());
    }

    /** A new user with a one-time password, which they must replace at their first sign-in. */
    public WithPassword create(Actor admin, Username username, Role role) {
        requireTenantRole(role);
        audit.checkWritable(admin.tenant(), AuditEntry.of(AuditEventType.USER_CREATE).by(admin)
                .target("user " + username.value()).success());
        char[] password = GeneratedPasswords.next();
        User user = users.create(admin.tenant(), username, password, role, true);
        audit.record(admin.tenant(), AuditEntry.of(AuditEventType.USER_CREATE).by(admin)
                .target(target(user)).detail("role " + role + ", one-time password").success());
        return new WithPassword(user, new String(password));
    }

    public User disable(Actor admin, String id) {
        return guarded(admin, id, AuditEventType.USER_DISABLE, true, User::disable, "disabled; sessions ended");
    }

    public User enable(Actor admin, String id) {
        return change(admin, id, AuditEventType.USER_ENABLE, User::enable, "enabled");
    }

    public User unlock(Actor admin, String id) {
        return change(admin, id, AuditEventType.USER_UNLOCK, user -> locks.forgive(user.id()),
                "failed sign-ins forgiven, from every address");
    }

    public User changeRole(Actor admin, String id, Role role) {
        requireTenantRole(role);
        return guarded(admin, id, AuditEventType.USER_ROLE_CHANGE, role != Role.ACCOUNT_ADMIN,
                user -> user.changeRole(role), "role " + role);
    }

    /** A new one-time password; the user's sessions end and the next sign-in must replace it. */
    public WithPassword resetPassword(Actor admin, String id) {
        char[] password = GeneratedPasswords.next();
        String hash = users.hash(password);
        User user = change(admin, id, AuditEventType.USER_PASSWORD_RESET, u -> {
            u.resetPassword(hash);
            locks.forgive(u.id());
        }, "one-time password; sessions ended");
        return new WithPassword(user, new String(password));
    }

    private User change(Actor admin, String id, AuditEventType type, Consumer<User> change, String detail) {
        rehearse(admin, id, type, detail);
        User user = users.change(admin.tenant(), known(admin, id), u -> {
            change.accept(u);
            return u;
        }).orElseThrow(() -> denied(admin, id));
        audit.record(admin.tenant(), AuditEntry.of(type).by(admin).target(target(user)).detail(detail).success());
        return user;
    }

    /**
     * A change that may take an admin away: refused when {@code removesAdmin} and the user is the
     * tenant's only enabled admin.
     */
    private User guarded(Actor admin, String id, AuditEventType type, boolean removesAdmin, Consumer<User> change,
                         String detail) {
        rehearse(admin, id, type, detail);
        try {
            User user = users.changeGuardingAdmins(admin.tenant(), known(admin, id), (u, enabledAdmins) -> {
                if (removesAdmin && enabledAdmins.size() == 1 && enabledAdmins.get(0).id().equals(u.id())) {
                    throw new LastAdminException(u.username());
                }
                change.accept(u);
                return u;
            }).orElseThrow(() -> denied(admin, id));
            audit.record(admin.tenant(), AuditEntry.of(type).by(admin).target(target(user)).detail(detail).success());
            return user;
        } catch (LastAdminException e) {
            audit.record(admin.tenant(), AuditEntry.of(type).by(admin).target("user " + e.username().value())
                    .detail(detail).error("LAST_ADMIN"));
            throw e;
        }
    }

    /** Fail closed: a change to a user is not made unless its audit entry can be written. */
    private void rehearse(Actor admin, String id, AuditEventType type, String detail) {
        audit.checkWritable(admin.tenant(), AuditEntry.of(type).by(admin).target("user id " + id).detail(detail).success());
    }

    /** Only well-formed ids reach the database; anything else is simply unknown. */
    private String known(Actor admin, String id) {
        if (id == null || !ID_FORM.matcher(id).matches()) {
            throw denied(admin, "(malformed)");
        }
        return id;
    }

    private UnknownUserException denied(Actor admin, String id) {
        audit.record(admin.tenant(), AuditEntry.of(AuditEventType.ACCESS_DENIED).by(admin)
                .target("user id " + id).detail("no such user in this tenant").error("NOT_FOUND"));
        return new UnknownUserException();
    }

    private static void requireTenantRole(Role role) {
        if (role != Role.SALES && role != Role.ACCOUNT_ADMIN) {
            throw new IllegalArgumentException("A tenant's users are SALES or ACCOUNT_ADMIN");
        }
    }

    private static String target(User user) {
        return "user " + user.username().value();
    }

    /** A user and the one-time password to show once; neither logged nor stored in clear. */
    public record WithPassword(User user, String oneTimePassword) {
        @Override
        public String toString() {
            return "WithPassword[" + user.username() + "]";
        }
    }
}
