package com.mimeeqportal.security;

import com.mimeeqportal.system.PortalConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a signed-in session lasts: {@code idle} without a request (the servlet container's
 * inactivity timeout, set at sign-in), and {@code absolute} from sign-in however busy it is (checked on
 * every request), so a stolen session cookie is not good forever.
 */
public record SessionLimits(Duration idle, Duration absolute) {

    public SessionLimits {
        Objects.requireNonNull(idle);
        Objects.requireNonNull(absolute);
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("Session timeouts must be positive");
        }
    }

    public static SessionLimits from(PortalConfig config) {
        return new SessionLimits(config.sessionIdle(), config.sessionAbsolute());
    }

    public boolean expired(Instant signedInAt, Instant now) {
        return !now.isBefore(signedInAt.plus(absolute));
    }

    /** For {@code HttpSession.setMaxInactiveInterval}. */
    public int idleSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, idle.toSeconds());
    }
}
