package com.mimeeqportal.account;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.user.PasswordPolicy;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * A signed-in person changes their own password: the current one proves it is them (a session left
 * open on someone's desk is not enough), the new one must pass the {@link PasswordPolicy} and be typed
 * twice. Optionally every other session of theirs ends.
 */
@ApplicationScoped
public class PasswordChange {

    private final Users users;
    private final AuditLog audit;
    private final PasswordPolicy policy;
    private final SignInLocks locks;

    @Inject
    public PasswordChange(Users users, AuditLog audit, SignInLocks locks) {
        this(users, audit, PasswordPolicy.standard(), locks);
    }

    public PasswordChange(Users users, AuditLog audit, PasswordPolicy policy, SignInLocks locks) {
        this.users = users;
        this.audit = audit;
        this.policy = policy;
        this.locks = locks;
    }

    protected PasswordChange() {
        this(null, null, null, null);
    }

    /** The typed form; fields are never shown again. */
    public record Form(String current, String newPassword, String confirmation, boolean signOutOthers) {
    }

    /**
     * Changes the password, or fills {@code errors} with field messages. Returns the user's session epoch
     * after the change, for the session that made it to keep.
     */
    public Optional<Integer> change(Actor actor, Form form, FormErrors errors) {
        User user = users.find(actor.tenant(), actor.user().userId()).orElseThrow();
        // The current password is a sign-in in all but name: a locked (user, address) pair is refused before
        // any hash is computed, and a wrong one counts toward the same lockout (SignInLocks).
        boolean locked = false;
        if (form.current().isEmpty()) {
            errors.add("currentPassword", "validation.required");
        } else {
            locked = !checkCurrent(actor, user, form.current(), errors);
        }
        errors.check("newPassword", () -> {
            policy.check("newPassword", form.newPassword(), user.username());
            return form.newPassword();
        });
        if (!errors.has("newPassword") && !form.newPassword().equals(form.confirmation())) {
            errors.add("confirmPassword", "validation.password.mismatch");
        }
        if (!errors.has("currentPassword") && !errors.has("newPassword") && form.newPassword().equals(form.current())) {
            errors.add("newPassword", "validation.password.unchanged");
        }
        if (errors.any()) {
            audit.record(actor.tenant(), AuditEntry.of(AuditEventType.USER_PASSWORD_CHANGE).by(actor)
                    .target("user " + user.username().value())
                    .error(locked ? "ACCOUNT_LOCKED" : errors.has("currentPassword") ? "WRONG_PASSWORD" : "POLICY"));
            return Optional.empty();
        }
        String hash = users.hash(form.newPassword().toCharArray());
        int epoch = users.change(actor.tenant(), user.id(), u -> {
            u.changePassword(hash, form.signOutOthers());
            return u.sessionEpoch();
        }).orElseThrow(() -> new InvalidInputException("form", "validation.password.wrong"));
        audit.record(actor.tenant(), AuditEntry.of(AuditEventType.USER_PASSWORD_CHANGE).by(actor)
                .target("user " + user.username().value())
                .detail(form.signOutOthers() ? "other sessions signed out" : "other sessions kept").success());
        return Optional.of(epoch);
    }

    /**
     * Checks the current password under the sign-in lockout. Returns false when the (user, address) pair is
     * locked, before any hash; a wrong password adds its error and counts toward the lock.
     */
    private boolean checkCurrent(Actor actor, User user, String current, FormErrors errors) {
        Optional<SignInLocks.Check> check = locks.begin(user.id(), actor.clientIp());
        if (check.isEmpty()) {
            errors.add("currentPassword", "validation.password.locked");
            return false;
        }
        try (SignInLocks.Check started = check.get()) {
            if (current.length() > PasswordPolicy.MAX * 4 || !users.passwordMatches(Optional.of(user), current.toCharArray())) {
                errors.add("currentPassword", "validation.password.wrong");
                started.failed().ifPresent(until -> audit.record(actor.tenant(),
                        AuditEntry.of(AuditEventType.LOGIN_LOCKOUT).by(actor).target("user " + user.username().value())
                                .detail("locked for " + actor.clientIp() + " until " + until
                                        + " after wrong current passwords on the password page")
                                .error("TOO_MANY_FAILURES")));
            }
            return true;
        }
    }
}
