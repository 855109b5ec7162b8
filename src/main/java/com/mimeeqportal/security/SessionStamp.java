package com.mimeeqportal.security;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * What a session remembers of its sign-in: the user's session epoch then (a raised epoch ends the
 * session) and the time, from which the absolute timeout runs.
 */
public record SessionStamp(int epoch, Instant signedInAt) implements Serializable {

    static final String ATTRIBUTE = SessionStamp.class.getName();

    public static Optional<SessionStamp> of(HttpSession session) {
        return Optional.ofNullable((SessionStamp) session.getAttribute(ATTRIBUTE));
    }

    public void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** The same sign-in, now at the user's new epoch: the session that changed it stays signed in. */
    public SessionStamp atEpoch(int newEpoch) {
        return new SessionStamp(newEpoch, signedInAt);
    }
}
