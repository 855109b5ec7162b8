package com.mimeeqportal.security;

import com.mimeeqportal.identity.Username;
import com.mimeeqportal.input.InvalidInputException;
import com.mimeeqportal.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Checks usernames and passwords against the portal's users for Jakarta Security, through
 * {@link SignIns} (lockouts). A disabled user, a locked account or a suspended tenant fails exactly like
 * a wrong password, so the answer reveals nothing; why it failed is kept for the audit log.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    private final SignIns signIns;
    private final SignInAttempt attempt;

    @Inject
    public PortalIdentityStore(SignIns signIns, SignInAttempt attempt) {
        this.signIns = signIns;
        this.attempt = attempt;
    }

    protected PortalIdentityStore() {
        this.signIns = null;
        this.attempt = null;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Username username;
        try {
            username = new Username(credential.getCaller());
        } catch (InvalidInputException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignInOutcome outcome = signIns.attempt(username, credential.getPassword().getValue(), attempt.client());
        attempt.remember(outcome);
        if (!outcome.success()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        User user = outcome.user().orElseThrow();
        return new CredentialValidationResult(user.username().value(), Set.of(user.role().name()));
    }
}
