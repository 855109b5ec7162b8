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

    public void remember(SignInOutcome outcome) {
        this.outcome = outcome;
    }

    public Optional<SignInOutcome> outcome() {
        return Optional.ofNullable(outcome);
    }
}
