package com.mimeeqportal.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Carries the outcome of the identity store's check back to {@link LoginServlet} within one request:
 * Jakarta Security only answers valid or invalid, and the audit log needs to know why.
 */
@RequestScoped
public class SignInAttempt {

    private SignInOutcome outcome;
    private String client;

    /** The client address of this request's sign-in; the identity store has no request to read it from. */
    public void from(String clientAddress) {
        this.client = clientAddress;
    }

    public String client() {
        if (client == null) {
            throw new IllegalStateException("A sign-in must name its client address first");
        }
        return client;
    }

    public void remember(SignInOutcome outcome) {
        this.outcome = outcome;
    }

    public Optional<SignInOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
