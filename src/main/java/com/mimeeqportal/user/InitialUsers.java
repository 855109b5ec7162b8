package com.mimeeqportal.user;

import com.mimeeqportal.identity.Role;
import com.mimeeqportal.identity.TenantId;
import com.mimeeqportal.identity.Username;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Users that exist from the first start (the operator; in demo mode the demo people too). Each is
 * created once, with the configured password or a generated one that is announced once and never again,
 * and must be changed at the first sign-in.
 */
@ApplicationScoped
public class InitialUsers {

    private final Users users;

    @Inject
    public InitialUsers(Users users) {
        this.users = users;
    }

    protected InitialUsers() {
        this.users = null;
    }

    /**
     * Creates the user if missing; returns the line to print at start-up when it was created now.
     *
     * @param passwordProperty the configuration property the password may come from, named in the line
     */
    public Optional<String> ensure(TenantId tenant, String name, Role role, Optional<String> configuredPassword,
                                   String passwordProperty) {
        Username username = new Username(name);
        if (users.findForSignIn(username).isPresent()) {
            return Optional.empty();
        }
        char[] password = configuredPassword.map(String::toCharArray).orElseGet(GeneratedPasswords::next);
        // A generated password has been printed in the log, so it is one-time: it must be replaced at the
        // first sign-in. A configured one was chosen by whoever runs the portal and is theirs to keep.
        try {
            users.create(tenant, username, password, role, configuredPassword.isEmpty());
        } catch (RuntimeException e) {
            // Instances of a cluster started together: another one created the user first (a unique name).
            if (users.findForSignIn(username).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
        String shown = configuredPassword.isPresent() ? "(password from " + passwordProperty + ")" : new String(password);
        return Optional.of(String.format("  %-22s %-14s %s", name, role, shown));
    }
}
