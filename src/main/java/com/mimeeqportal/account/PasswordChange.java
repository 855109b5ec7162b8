package com.mimeeqportal.account;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.input.FormErrors;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.user.PasswordPolicy;
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

    @Inject
    public PasswordChange(Users users, AuditLog audit) {
        this(users, audit, PasswordPolicy.standard());
    }

    public PasswordChange(Users users, AuditLog audit, PasswordPolicy policy) {
        this.users = users;
        this.audit = audit;
        this.policy = policy;
    }

    protected PasswordChange() {
        this.users = null;
        this.audit = null;
        this.policy = null;
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
        if (form.current().isEmpty()) {
            errors.add("currentPassword", "validation.required");
        } else if (form.current().length() > PasswordPolicy.MAX * 4
                || !users.passwordMatches(Optional.of(user), form.current().toCharArray())) {
            errors.add("currentPassword", "validation.password.wrong");
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
                    .error(errors.has("currentPassword") ? "WRONG_PASSWORD" : "POLICY"));
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
}
