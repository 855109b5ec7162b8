package com.mimeeqportal.security;

import com.mimeeqportal.tenant.Tenants;
import com.mimeeqportal.user.User;
import com.mimeeqportal.user.Username;
import com.mimeeqportal.user.Users;
import com.mimeeqportal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;

/**
 * Checks usernames and passwords against the portal's users for Jakarta Security. A disabled user or a
 * suspended tenant fails exactly like a wrong password, so the answer reveals nothing.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {

    private final Users users;
    private final Tenants tenants;

    @Inject
    public PortalIdentityStore(Users users, Tenants tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    protected PortalIdentityStore() {
        this.users = null;
        this.tenants = null;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Username username;
        try {
            username = new Username(credential.getCaller());
        } catch (InvalidInputException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<User> user = users.authenticate(username, credential.getPassword().getValue());
        if (user.isEmpty() || !mayWork(user.get())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().username().value(), Set.of(user.get().role().name()));
    }

    private boolean mayWork(User user) {
        return user.enabled() && (user.tenantId().isSystem()
                || tenants.find(user.tenantId()).map(t -> t.active()).orElse(false));
    }
}
