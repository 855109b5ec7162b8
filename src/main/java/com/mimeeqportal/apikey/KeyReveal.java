package com.mimeeqportal.apikey;

import com.mimeeqportal.audit.AuditEntry;
import com.mimeeqportal.audit.AuditEventType;
import com.mimeeqportal.audit.AuditLog;
import com.mimeeqportal.identity.Actor;
import com.mimeeqportal.user.SignInLocks;
import com.mimeeqportal.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Shows the tenant's key to an admin who re-enters their own password, checked like a sign-in. Every
 * attempt is audited ({@code API_KEY_REVEAL} or {@code API_KEY_REVEAL_ERROR}); a successful one is
 * rehearsed first, so a key is never shown unaudited.
 */
@ApplicationScoped
public class KeyReveal {

    /** Longer passwords are refused unread, like at sign-in. */
    public static final int MAX_PASSWORD = 128;

    /** Why a reveal was refused; the reason code is the audit entry's. */
    public enum Refusal {
        /** The session typed too many wrong passwords and must wait. */
        PAUSED("TOO_MANY_ATTEMPTS"),
        NO_PASSWORD("WRONG_PASSWORD"),
        WRONG_PASSWORD("WRONG_PASSWORD");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }
    }

    /** The key (empty when none is stored), or why it is not shown. */
    public sealed interface Result {
        record Revealed(Optional<ApiKey> key) implements Result {
        }

        record Refused(Refusal refusal) implements Result {
        }
    }

    private final ApiKeys apiKeys;
    private final Users users;
    private final AuditLog audit;
    private final SignInLocks locks;

    @Inject
    public KeyReveal(ApiKeys apiKeys, Users users, AuditLog audit, SignInLocks locks) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.audit = audit;
        this.locks = locks;
    }

    protected KeyReveal() {
        this(null, null, null, null);
    }

    /**
     * {@code paused}: the page's per-session limit on wrong passwords has been reached. Wrong passwords also
     * count toward the sign-in lockout of the user at this address ({@link SignInLocks}), and a locked pair
     * is paused here too, so the reveal form is no way around the sign-in's limits.
     */
    public Result reveal(Actor actor, String password, boolean paused) {
        AuditEntry.Builder entry = AuditEntry.of(AuditEventType.API_KEY_REVEAL).by(actor).target("api-key");
        Optional<Refusal> refusal;
        if (paused) {
            refusal = Optional.of(Refusal.PAUSED);
        } else if (password.isEmpty()) {
            refusal = Optional.of(Refusal.NO_PASSWORD);
        } else {
            refusal = check(actor, password);
        }
        if (refusal.isPresent()) {
            audit.record(actor.tenant(), entry.error(refusal.get().reason));
            return new Result.Refused(refusal.get());
        }
        AuditEntry revealed = entry.success();
        audit.checkWritable(actor.tenant(), revealed);
        Optional<ApiKey> key = apiKeys.open(actor.tenant());
        audit.record(actor.tenant(), revealed);
        return new Result.Revealed(key);
    }

    /** The password, checked under the sign-in lockout: a locked pair is paused before any hash is computed. */
    private Optional<Refusal> check(Actor actor, String password) {
        Optional<SignInLocks.Check> check = locks.begin(actor.user().userId(), actor.clientIp());
        if (check.isEmpty()) {
            return Optional.of(Refusal.PAUSED);
        }
        try (SignInLocks.Check started = check.get()) {
            if (passwordMatches(actor, password)) {
                return Optional.empty();
            }
            started.failed();
            return Optional.of(Refusal.WRONG_PASSWORD);
        }
    }

    private boolean passwordMatches(Actor actor, String password) {
        return password.length() <= MAX_PASSWORD && users.authenticate(actor.user().username(), password.toCharArray())
                .filter(user -> user.id().equals(actor.user().userId())).isPresent();
    }
}
